<?php
/**
 * The plugin's one option (an array) and how it is read and cleaned.
 *
 * @package PolyPartnerBadge
 */

defined( 'ABSPATH' ) || exit;

const POLY_PARTNER_BADGE_OPTION = 'poly_partner_badge_settings';

/** The languages a badge can be shown in; '' follows the page's language (the site's locale). */
const POLY_PARTNER_BADGE_LANGUAGES = array( '', 'en', 'de' );

/**
 * The defaults before anything is saved. The API base is Poly's production API.
 *
 * @return array{publishable_key: string, partner_id: string, api_base: string, sandbox: bool, language: string}
 */
function poly_partner_badge_defaults(): array {
	return array(
		'publishable_key' => '',
		'partner_id'      => '',
		'api_base'        => 'https://api.partners.poly.example',
		'sandbox'         => false,
		'language'        => '',
	);
}

/**
 * The saved settings, completed with the defaults; safe to use as they are (they were cleaned when saved).
 *
 * @return array{publishable_key: string, partner_id: string, api_base: string, sandbox: bool, language: string}
 */
function poly_partner_badge_settings(): array {
	$saved = get_option( POLY_PARTNER_BADGE_OPTION, array() );
	return array_merge( poly_partner_badge_defaults(), is_array( $saved ) ? $saved : array() );
}

/** A partner id as the API issues them (e.g. `ptr_xi04q8d09h`), or '' when it is not one. */
function poly_partner_badge_clean_partner_id( $value ): string {
	$value = is_string( $value ) ? trim( $value ) : '';
	return 1 === preg_match( '/^[A-Za-z0-9_-]{1,64}$/', $value ) ? $value : '';
}

/** A publishable key (`pk_test_…` or `pk_live_…`), or '' when it is not one: a secret key never belongs on a page. */
function poly_partner_badge_clean_publishable_key( $value ): string {
	$value = is_string( $value ) ? trim( $value ) : '';
	return 1 === preg_match( '/^pk_(test|live)_[A-Za-z0-9]{8,64}$/', $value ) ? $value : '';
}

/** An http(s) URL without a trailing slash, or '' when it is not one. */
function poly_partner_badge_clean_api_base( $value ): string {
	$value = is_string( $value ) ? trim( $value ) : '';
	$url   = esc_url_raw( $value, array( 'https', 'http' ) );
	$parts = '' === $url ? false : wp_parse_url( $url );
	// A query or fragment would end up in the middle of every API path built from it.
	if ( ! is_array( $parts ) || empty( $parts['host'] ) || isset( $parts['query'] ) || isset( $parts['fragment'] ) || $url !== $value ) {
		return '';
	}
	return untrailingslashit( $url );
}

/**
 * The Settings API's sanitize callback: every field cleaned, and a settings error for each one that was refused, so
 * the site owner sees what was wrong instead of a silently emptied field.
 *
 * @param mixed $input The submitted array.
 * @return array The settings to store.
 */
function poly_partner_badge_sanitize( $input ): array {
	$input    = is_array( $input ) ? wp_unslash( $input ) : array();
	$previous = poly_partner_badge_settings();
	$clean    = poly_partner_badge_defaults();

	$fields = array(
		'publishable_key' => array( 'poly_partner_badge_clean_publishable_key', __( 'The publishable key must start with pk_test_ or pk_live_. A secret key (sk_…) must never be used on a website.', 'poly-partner-badge' ) ),
		'partner_id'      => array( 'poly_partner_badge_clean_partner_id', __( 'The partner id may contain only letters, digits, hyphens and underscores.', 'poly-partner-badge' ) ),
		'api_base'        => array( 'poly_partner_badge_clean_api_base', __( 'The API address must be an http or https URL.', 'poly-partner-badge' ) ),
	);
	foreach ( $fields as $name => list( $cleaner, $message ) ) {
		$raw   = isset( $input[ $name ] ) ? (string) $input[ $name ] : '';
		$value = $cleaner( $raw );
		if ( '' === $value && '' !== trim( $raw ) ) {
			add_settings_error( POLY_PARTNER_BADGE_OPTION, "invalid_$name", $message );
			$value = $previous[ $name ];
		}
		$clean[ $name ] = '' === $value && 'api_base' === $name ? poly_partner_badge_defaults()['api_base'] : $value;
	}
	$clean['sandbox']  = ! empty( $input['sandbox'] );
	$language          = isset( $input['language'] ) ? (string) $input['language'] : '';
	$clean['language'] = in_array( $language, POLY_PARTNER_BADGE_LANGUAGES, true ) ? $language : '';
	return $clean;
}
