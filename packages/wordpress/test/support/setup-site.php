<?php
/**
 * Installs a test site without wp-cli (in neither registry): `php setup-site.php <site dir> <url>`. The site's
 * language is German, the admin's English (German admin screens would break the tests' text selectors), and the
 * editor's welcome guide and pattern chooser are switched off, since they cover what the tests click.
 * Prints the ids of what it made as JSON.
 */

[ , $site_dir, $url ] = $argv;
$_SERVER['HTTP_HOST']   = (string) parse_url( $url, PHP_URL_HOST ) . ':' . (string) parse_url( $url, PHP_URL_PORT );
$_SERVER['REQUEST_URI'] = '/';
define( 'WP_INSTALLING', true );
require $site_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$result = wp_install( 'Nordwind Kommunikation', 'admin', 'admin@nordwind.example', true, '', 'poly-admin-password', 'de_DE' );
$user   = (int) $result['user_id'];
update_option( 'WPLANG', 'de_DE' );
update_user_meta( $user, 'locale', 'en_US' );
update_user_meta(
	$user,
	$GLOBALS['wpdb']->get_blog_prefix() . 'persisted_preferences',
	array(
		'core/edit-post' => array(
			'welcomeGuide'         => false,
			'welcomeGuideTemplate' => false,
			'fullscreenMode'       => true,
		),
		'core'           => array(
			'enableChoosePatternModal' => false,
			'welcomeGuide'             => false,
		),
		'_modified'      => gmdate( 'c' ),
	)
);
update_option( 'permalink_structure', '' );
// Avatars come from gravatar.com, which an offline site cannot reach.
update_option( 'show_avatars', 0 );
update_option( 'blogdescription', 'Konferenztechnik für Ihr Unternehmen' );

$plugin = getenv( 'POLY_ACTIVATE_PLUGIN' );
if ( $plugin ) {
	$activated = activate_plugin( $plugin );
	if ( is_wp_error( $activated ) ) {
		fwrite( STDERR, $activated->get_error_message() . "\n" );
		exit( 1 );
	}
}

echo wp_json_encode( array( 'user' => $user, 'version' => $GLOBALS['wp_version'] ) ), "\n";
