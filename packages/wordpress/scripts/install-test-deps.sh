#!/usr/bin/env bash
# Installs what the WordPress plugin's tests need on a machine with only Debian's apt and the npm registry:
# PHP and PHPUnit from the machine's own apt; WordPress itself (a newer release than bookworm's 6.1) unpacked from
# Debian's newer suites with a private apt state, so nothing is installed system-wide; and the SQLite database
# drop-in from the npm package that ships it. Idempotent: a second run finds everything in the cache and exits.
#
# Each leg lands in $POLY_WP_CACHE/wordpress-<version>/ (a complete, writable WordPress tree without wp-config.php)
# and its version is listed in $POLY_WP_CACHE/legs.txt. The tests read that list.
set -euo pipefail

CACHE="${POLY_WP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/poly-partner-wordpress}"
# Debian suites to take WordPress from, newest first: sid (7.x), trixie's security updates (6.8.x) and bookworm
# (6.1.x, the oldest the plugin supports; older than the SQLite drop-in's 6.4, so that leg runs on MariaDB).
SUITES=(${POLY_WP_SUITES:-sid trixie-security bookworm})
SQLITE_FROM_NPM="@wp-playground/cli@3.1.56"
mkdir -p "$CACHE"

# 1. PHP and PHPUnit from the machine's own suite (bookworm: PHP 8.2, PHPUnit 9.6).
need=()
command -v php >/dev/null 2>&1 || need+=(php-cli)
command -v phpunit >/dev/null 2>&1 || need+=(phpunit)
command -v unzip >/dev/null 2>&1 || need+=(unzip)
# MariaDB for WordPress before 6.4, started per test on a socket of its own (no service is started or needed).
command -v mariadbd >/dev/null 2>&1 && command -v mariadb-install-db >/dev/null 2>&1 && command -v my_print_defaults >/dev/null 2>&1 \
  || need+=(mariadb-server-core mariadb-client-core)
# Read once, not piped into grep -q: under pipefail, php's broken pipe would count as "missing".
modules="$(php -m 2>/dev/null || true)"
for pair in pdo_sqlite:php-sqlite3 mbstring:php-mbstring dom:php-xml mysqli:php-mysql; do
  grep -qix "${pair%%:*}" <<<"$modules" || need+=("${pair#*:}")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "wordpress tests: installing ${need[*]} from apt"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# 2. WordPress per suite, through a private apt state (own sources list, lists and cache) that installs nothing.
APT="$CACHE/apt"
mkdir -p "$APT/lists/partial" "$APT/cache/archives/partial" "$APT/debs"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
# The machine's own mirror (deb.debian.org unless /etc/apt says otherwise), so CI reaches what apt already reaches.
mirror="$(grep -hE '^(URIs:|deb )' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
  | grep -oE 'https?://[^ ]+/debian/?( |$)' | grep -v security | head -n1 | tr -d ' ' || true)"
mirror="${mirror:-http://deb.debian.org/debian}"
mirror="${mirror%/}"
{
  for suite in "${SUITES[@]}"; do
    case "$suite" in
      *-security)
        echo "deb [signed-by=$keyring] ${mirror}-security $suite main"
        echo "deb [signed-by=$keyring] $mirror ${suite%-security} main"
        ;;
      *) echo "deb [signed-by=$keyring] $mirror $suite main" ;;
    esac
  done
} >"$APT/sources.list"
apt_opts=(
  -o "Dir::Etc::SourceList=$APT/sources.list" -o Dir::Etc::SourceParts=/dev/null
  -o "Dir::State::Lists=$APT/lists" -o "Dir::Cache=$APT/cache" -o Dir::State::status=/var/lib/dpkg/status
  -o Debug::NoLocking=1 -o APT::Sandbox::User=root
)

# Lists older than a day, or of other suites, are refreshed; a fresh machine fetches them once (about 20 MB, seconds).
if [ -z "$(find "$APT/lists" -maxdepth 1 -name '*_Packages*' -mmin -1440 2>/dev/null | head -n1)" ] \
  || ! cmp -s "$APT/sources.list" "$APT/sources.list.fetched"; then
  apt-get "${apt_opts[@]}" update -qq
  cp "$APT/sources.list" "$APT/sources.list.fetched"
fi

: >"$CACHE/legs.txt.new"
# WordPress's Debian package links its bundled JS and PHP libraries to other packages: take those from the same
# suite, the default theme and the translations (the test sites are German). A suite lacks what its WordPress does not
# link to (bookworm has no Twenty Twenty-Five): those are skipped.
packages=(wordpress wordpress-theme-twentytwentyfive wordpress-theme-twentytwentythree wordpress-l10n libjs-cropper libjs-jquery-ui libjs-lodash libjs-underscore libphp-phpmailer php-getid3)
# One look-up for all: each apt call parses every list, about three seconds.
table="$(apt-cache "${apt_opts[@]}" madison "${packages[@]}")"
for suite in "${SUITES[@]}"; do
  # The newest WordPress this suite carries (security suites hold only updates, so ask for that suite's own).
  version="$(awk -v s="$suite" '$1 == "wordpress" && $0 ~ " "s"/main" { print $3; exit }' <<<"$table")"
  if [ -z "$version" ]; then
    echo "wordpress tests: no WordPress in Debian's $suite" >&2
    exit 1
  fi
  upstream="${version%%+*}"
  target="$CACHE/wordpress-$upstream"
  if [ ! -f "$target/wp-includes/version.php" ]; then
    echo "wordpress tests: fetching WordPress $version from Debian $suite"
    debs="$APT/debs/$suite"
    rm -rf "$debs" && mkdir -p "$debs"
    # One download for all, then unpack them into one root.
    base_suite="${suite%-security}"
    wanted=()
    for package in "${packages[@]}"; do
      # The suite's own build where it has one (security suites carry few packages), else its base suite's.
      package_version="$(awk -v p="$package" -v s="$suite" '$1 == p && $0 ~ " "s"/main" { print $3; exit }' <<<"$table")"
      [ -n "$package_version" ] || package_version="$(awk -v p="$package" -v s="$base_suite" '$1 == p && $0 ~ " "s"/main" { print $3; exit }' <<<"$table")"
      [ -z "$package_version" ] || wanted+=("$package=$package_version")
    done
    (cd "$debs" && apt-get "${apt_opts[@]}" download -qq "${wanted[@]}")
    root="$APT/root-$suite"
    rm -rf "$root" && mkdir -p "$root"
    for deb in "$debs"/*.deb; do dpkg-deb -x "$deb" "$root"; done
    # Debian's symlinks point into /usr/share/javascript and /usr/share/php of that root, and to /etc/wordpress:
    # make them relative to the unpacked root, then copy with -L so the tree stands alone (cp -a leaves wp-admin broken).
    while IFS= read -r link; do
      destination="$(readlink "$link")"
      case "$destination" in
        /usr/*) ln -sfn "$root$destination" "$link" ;;
      esac
    done < <(find "$root/usr/share/wordpress" -type l)
    rm -f "$root/usr/share/wordpress/wp-config.php" "$root/usr/share/wordpress/.htaccess"
    # German only of the translations: the others are 30 MB the tests never read.
    find "$root/usr/share/wordpress/wp-content/languages" -type f ! -name '*de_DE*' -delete 2>/dev/null || true
    find "$root/usr/share/wordpress" -xtype l -delete
    rm -rf "$target.tmp" && cp -rL "$root/usr/share/wordpress" "$target.tmp"
    mv "$target.tmp" "$target"
    rm -rf "$root" "$debs"
  fi
  echo "$upstream" >>"$CACHE/legs.txt.new"
done
mv "$CACHE/legs.txt.new" "$CACHE/legs.txt"

# 3. The SQLite database drop-in (WordPress 6.4+), shipped inside an npm package as a zip.
if [ ! -f "$CACHE/sqlite-database-integration/load.php" ]; then
  echo "wordpress tests: fetching the SQLite drop-in from npm ($SQLITE_FROM_NPM)"
  work="$(mktemp -d)"
  (cd "$work" && npm pack --silent "$SQLITE_FROM_NPM" >/dev/null && tar xzf ./*.tgz package/sqlite-database-integration.zip)
  (cd "$work" && mkdir -p unzipped && cd unzipped && unzip -q ../package/sqlite-database-integration.zip)
  rm -rf "$CACHE/sqlite-database-integration"
  mv "$work/unzipped/plugin-sqlite-database-integration" "$CACHE/sqlite-database-integration"
  rm -rf "$work"
fi

echo "wordpress tests: ready in $CACHE (WordPress $(paste -sd ' ' "$CACHE/legs.txt"), $(php -r 'echo PHP_VERSION;'), $(phpunit --version | head -n1))"
