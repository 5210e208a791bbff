<?php
/**
 * The badge's markup, shared by the block and the shortcode, and the widget script it needs.
 *
 * @package PolyPartnerBadge
 */

defined( 'ABSPATH' ) || exit;

/** The layouts a badge can take. */
const POLY_PARTNER_BADGE_LAYOUTS = array( 'compact', 'full' );

/**
 * The badge for the given attributes: `<partner-config>` around `<partner-tier-badge>`, and a `<noscript>` image that
 * links to Poly's verification page for visitors without JavaScript. Empty (with an HTML comment for the site owner)
 * when the plugin is not set up yet, so a page never shows a broken badge.
 *
 * @param array{partnerId?: string, layout?: string} $attributes Partner id (default: the site's) and layout.
 * @param string                                     $wrapper    Attributes of the outer element, already escaped.
 * @return string The HTML.
 */
function poly_partner_badge_markup( array $attributes, string $wrapper ): string {
	$settings   = poly_partner_badge_settings();
	$partner_id = poly_partner_badge_clean_partner_id( $attributes['partnerId'] ?? '' );
	if ( '' === $partner_id ) {
		$partner_id = $settings['partner_id'];
	}
	$layout = in_array( $attributes['layout'] ?? '', POLY_PARTNER_BADGE_LAYOUTS, true ) ? $attributes['layout'] : 'compact';

	if ( '' === $partner_id || '' === $settings['publishable_key'] ) {
		return '<!-- ' . esc_html__( 'Poly partner badge: set the partner id and the publishable key under Settings → Poly partner badge.', 'poly-partner-badge' ) . ' -->';
	}

	poly_partner_badge_enqueue_widgets();

	$api_base   = $settings['api_base'];
	$badge_url  = add_query_arg( 'key', rawurlencode( $settings['publishable_key'] ), $api_base . '/v1/partners/' . rawurlencode( $partner_id ) . '/badge.svg' );
	$verify_url = poly_partner_badge_verify_url( $api_base, $partner_id );
	// Until the widget has loaded, `size` already gives the badge its box, so nothing shifts when it appears.
	$size = 'full' === $layout ? 'large' : 'medium';

	$config = sprintf(
		'<partner-config api-base="%1$s" publishable-key="%2$s" partner-id="%3$s"%4$s%5$s>',
		esc_attr( $api_base ),
		esc_attr( $settings['publishable_key'] ),
		esc_attr( $partner_id ),
		$settings['sandbox'] ? ' environment="sandbox"' : '',
		'' !== $settings['language'] ? ' lang="' . esc_attr( $settings['language'] ) . '"' : ''
	);
	$badge    = sprintf( '<partner-tier-badge partner-id="%1$s" layout="%2$s" size="%3$s"></partner-tier-badge>', esc_attr( $partner_id ), esc_attr( $layout ), esc_attr( $size ) );
	$fallback = sprintf(
		'<noscript><a href="%1$s" target="_blank" rel="noopener"><img src="%2$s" alt="%3$s" width="%4$d" height="%5$d" loading="lazy" decoding="async"></a></noscript>',
		esc_url( $verify_url ),
		esc_url( $badge_url ),
		esc_attr__( 'Poly partner badge (opens the verification by Poly)', 'poly-partner-badge' ),
		'full' === $layout ? 300 : 240,
		'full' === $layout ? 100 : 80
	);
	return '<div ' . $wrapper . '>' . $config . $badge . '</partner-config>' . $fallback . '</div>';
}

/**
 * Where a visitor checks the badge with Poly. Filterable (`poly_partner_badge_verify_url`), as the issuer's page may
 * move; the badge image of the API answers there today as well.
 */
function poly_partner_badge_verify_url( string $api_base, string $partner_id ): string {
	$url = $api_base . '/verify/' . rawurlencode( $partner_id );
	return (string) apply_filters( 'poly_partner_badge_verify_url', $url, $api_base, $partner_id );
}

/**
 * Loads `embed.js` as a module, on this page only: the block and the shortcode call it while rendering, which happens
 * before the page's scripts are printed. WordPress 6.5 and newer have script modules; older ones get a classic
 * registration whose tag is turned into `type="module"`.
 */
function poly_partner_badge_enqueue_widgets(): void {
	$src = plugins_url( 'assets/widgets/embed.js', POLY_PARTNER_BADGE_FILE );
	if ( function_exists( 'wp_enqueue_script_module' ) ) {
		wp_enqueue_script_module( 'poly-partner-badge-widgets', $src, array(), POLY_PARTNER_BADGE_VERSION );
		return;
	}
	wp_enqueue_script( 'poly-partner-badge-widgets', $src, array(), POLY_PARTNER_BADGE_VERSION, true );
	add_filter( 'script_loader_tag', 'poly_partner_badge_module_tag', 10, 2 );
}

/** `type="module"` on the widget script for WordPress before 6.5. */
function poly_partner_badge_module_tag( string $tag, string $handle ): string {
	if ( 'poly-partner-badge-widgets' !== $handle ) {
		return $tag;
	}
	return (string) preg_replace( '/<script(?![^>]*\btype=)/', '<script type="module"', str_replace( " type='text/javascript'", '', $tag ), 1 );
}

/**
 * The block's render callback.
 *
 * @param array $attributes The block's attributes.
 */
function poly_partner_badge_render_block( array $attributes ): string {
	// The editor's preview (a REST request) gets the badge image: the canvas may be an iframe without the widgets.
	if ( defined( 'REST_REQUEST' ) && REST_REQUEST && 'edit' === ( $_GET['context'] ?? '' ) ) { // phpcs:ignore WordPress.Security.NonceVerification -- read-only preview.
		return poly_partner_badge_preview( $attributes, get_block_wrapper_attributes() );
	}
	return poly_partner_badge_markup( $attributes, get_block_wrapper_attributes() );
}

/**
 * The editor's preview: the same badge as an image, from the API.
 *
 * @param array  $attributes The block's attributes.
 * @param string $wrapper    Attributes of the outer element, already escaped.
 */
function poly_partner_badge_preview( array $attributes, string $wrapper ): string {
	$settings   = poly_partner_badge_settings();
	$partner_id = poly_partner_badge_clean_partner_id( $attributes['partnerId'] ?? '' );
	$partner_id = '' === $partner_id ? $settings['partner_id'] : $partner_id;
	if ( '' === $partner_id || '' === $settings['publishable_key'] ) {
		return '<div ' . $wrapper . '><p>' . esc_html__( 'Set the partner id and the publishable key under Settings → Poly partner badge to show the badge.', 'poly-partner-badge' ) . '</p></div>';
	}
	$full = 'full' === ( $attributes['layout'] ?? '' );
	$src  = add_query_arg( 'key', rawurlencode( $settings['publishable_key'] ), $settings['api_base'] . '/v1/partners/' . rawurlencode( $partner_id ) . '/badge.svg' );
	return sprintf(
		'<div %1$s><img src="%2$s" alt="%3$s" width="%4$d" height="%5$d"></div>',
		$wrapper,
		esc_url( $src ),
		esc_attr__( 'Poly partner badge', 'poly-partner-badge' ),
		$full ? 300 : 240,
		$full ? 100 : 80
	);
}

/**
 * `[poly_partner_badge partner_id="…" layout="compact|full"]`; `partner-id` and `partnerId` are accepted too.
 *
 * @param array|string $atts The shortcode's attributes ('' when it has none).
 */
function poly_partner_badge_shortcode( $atts ): string {
	$atts       = is_array( $atts ) ? $atts : array();
	$partner_id = $atts['partner_id'] ?? $atts['partner-id'] ?? $atts['partnerid'] ?? '';
	$attributes = shortcode_atts(
		array(
			'partnerId' => '',
			'layout'    => 'compact',
		),
		array(
			'partnerId' => $partner_id,
			'layout'    => $atts['layout'] ?? 'compact',
		),
		'poly_partner_badge'
	);
	return poly_partner_badge_markup( $attributes, 'class="poly-partner-badge"' );
}
