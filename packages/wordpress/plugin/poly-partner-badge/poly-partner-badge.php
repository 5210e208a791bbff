<?php
/**
 * Plugin Name:       Poly partner badge
 * Plugin URI:        https://partners.poly.example/
 * Description:       Shows your Poly partner tier as a signed, verified badge: a block, a shortcode and a settings page.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      8.1
 * Author:            Poly
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       poly-partner-badge
 * Domain Path:       /languages
 *
 * @package PolyPartnerBadge
 */

defined( 'ABSPATH' ) || exit;

define( 'POLY_PARTNER_BADGE_VERSION', '0.1.0' );
define( 'POLY_PARTNER_BADGE_FILE', __FILE__ );
define( 'POLY_PARTNER_BADGE_DIR', __DIR__ );

require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/admin.php';

add_action( 'init', 'poly_partner_badge_init' );

/** Text domain, block and shortcode: everything a front-end request needs. */
function poly_partner_badge_init(): void {
	load_plugin_textdomain( 'poly-partner-badge', false, dirname( plugin_basename( __FILE__ ) ) . '/languages' );
	register_block_type( __DIR__ . '/blocks/partner-badge', array( 'render_callback' => 'poly_partner_badge_render_block' ) );
	add_shortcode( 'poly_partner_badge', 'poly_partner_badge_shortcode' );
	if ( function_exists( 'wp_set_script_translations' ) ) {
		wp_set_script_translations( 'poly-partner-badge-editor-script', 'poly-partner-badge', __DIR__ . '/languages' );
	}
}

add_action( 'admin_init', 'poly_partner_badge_register_settings' );
add_action( 'admin_menu', 'poly_partner_badge_add_settings_page' );
add_filter( 'plugin_action_links_' . plugin_basename( __FILE__ ), 'poly_partner_badge_action_links' );
