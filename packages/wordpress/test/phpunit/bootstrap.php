<?php
/**
 * Loads the WordPress site named by POLY_WP_SITE (installed with the plugin's sources active), as a request of the
 * site's administrator would see it.
 */

$poly_site = getenv( 'POLY_WP_SITE' );
if ( ! $poly_site || ! is_file( $poly_site . '/wp-load.php' ) ) {
	fwrite( STDERR, "POLY_WP_SITE must name an installed WordPress; run the tests with node scripts/run-node-tests.mjs packages/wordpress\n" );
	exit( 1 );
}
$_SERVER['HTTP_HOST']   = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
// PHPUnit includes this file inside a function, where the variables WordPress's files set at their top level would
// be local ones. Bind each of them to its global first: their names are those a load in global scope leaves behind.
$poly_globals = json_decode(
	(string) shell_exec(
		escapeshellarg( PHP_BINARY ) . ' -r ' . escapeshellarg( '$_SERVER["HTTP_HOST"] = "127.0.0.1"; require ' . var_export( $poly_site . '/wp-load.php', true ) . '; echo json_encode( array_keys( $GLOBALS ) );' )
	),
	true
);
foreach ( (array) $poly_globals as $poly_name ) {
	if ( ! in_array( $poly_name, array( 'GLOBALS', '_SERVER', '_GET', '_POST', '_COOKIE', '_FILES', '_ENV', '_REQUEST', 'argv', 'argc', 'poly_site', 'poly_globals', 'poly_name' ), true ) ) {
		$$poly_name = &$GLOBALS[ $poly_name ];
	}
}
require $poly_site . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/template.php';

if ( ! function_exists( 'poly_partner_badge_markup' ) ) {
	fwrite( STDERR, "The plugin is not active in $poly_site\n" );
	exit( 1 );
}
// The Settings API registers the option on admin_init, which a front-end load does not run.
poly_partner_badge_register_settings();
wp_set_current_user( 1 );
