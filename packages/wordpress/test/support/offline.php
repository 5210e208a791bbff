<?php
/**
 * Must-use plugin of the test sites: WordPress without internet. No update checks, mail or remote patterns (each
 * would log a failure), and every outgoing HTTP request but loopback refused at once. The front end gets a strict
 * Content Security Policy, so a test sees the badge work under one.
 */

add_filter( 'pre_site_transient_update_core', 'poly_test_no_updates' );
add_filter( 'pre_site_transient_update_plugins', 'poly_test_no_updates' );
add_filter( 'pre_site_transient_update_themes', 'poly_test_no_updates' );
function poly_test_no_updates() {
	return (object) array(
		'last_checked'    => time(),
		'version_checked' => $GLOBALS['wp_version'],
		'updates'         => array(),
		'translations'    => array(),
		'response'        => array(),
		'checked'         => array(),
	);
}
add_filter( 'pre_wp_mail', '__return_false' );
add_filter( 'should_load_remote_block_patterns', '__return_false' );
add_filter( 'wp_is_site_protected_by_basic_auth', '__return_false' );
remove_action( 'enqueue_block_editor_assets', 'wp_enqueue_editor_block_directory_assets' );
// WordPress.org answers "nothing new" (an error would be logged as a PHP warning by every update check); any other
// host but loopback is refused at once.
add_filter(
	'pre_http_request',
	static function ( $preempt, $args, $url ) {
		$host = wp_parse_url( $url, PHP_URL_HOST );
		if ( in_array( $host, array( '127.0.0.1', 'localhost' ), true ) ) {
			return $preempt;
		}
		if ( 'api.wordpress.org' === $host ) {
			return array(
				'headers'  => array(),
				'body'     => '{"plugins":[],"themes":[],"translations":[],"no_update":[],"offers":[]}',
				'response' => array(
					'code'    => 200,
					'message' => 'OK',
				),
				'cookies'  => array(),
				'filename' => null,
			);
		}
		return new WP_Error( 'offline', 'The test site is offline.' );
	},
	10,
	3
);
// The dashboard's news and "browse happy" checks ask api.wordpress.org: no widgets that would.
add_action(
	'wp_dashboard_setup',
	static function () {
		remove_meta_box( 'dashboard_primary', 'dashboard', 'side' );
		remove_meta_box( 'dashboard_site_health', 'dashboard', 'normal' );
	}
);
add_filter( 'pre_site_transient_browser_' . md5( $_SERVER['HTTP_USER_AGENT'] ?? '' ), '__return_empty_array' );

// The theme's emoji loader is an inline script that sets a script URL, which Trusted Types refuse; so does the skip
// link's inline script of WordPress before 6.4 (innerHTML). Both are WordPress's own, not the plugin's.
remove_action( 'wp_head', 'print_emoji_detection_script', 7 );
remove_action( 'wp_footer', 'the_block_template_skip_link' );
add_action(
	'send_headers',
	static function () {
		$api = defined( 'POLY_TEST_API' ) ? POLY_TEST_API : '';
		header( "Content-Security-Policy: default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: $api; connect-src 'self' $api; font-src 'self' data:; object-src 'none'; base-uri 'self'; require-trusted-types-for 'script'" );
	}
);
