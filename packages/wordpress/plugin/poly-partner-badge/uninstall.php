<?php
/**
 * Runs when the plugin is deleted from the Plugins screen: removes its option, on every site of a network too.
 *
 * @package PolyPartnerBadge
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids' ) ) as $poly_partner_badge_site ) {
		switch_to_blog( $poly_partner_badge_site );
		delete_option( 'poly_partner_badge_settings' );
		restore_current_blog();
	}
} else {
	delete_option( 'poly_partner_badge_settings' );
}
