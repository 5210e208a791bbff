<?php
/**
 * Settings → Poly partner badge: the Settings API registers the option and its fields; options.php checks the nonce
 * and the `manage_options` capability when the form is saved.
 *
 * @package PolyPartnerBadge
 */

defined( 'ABSPATH' ) || exit;

const POLY_PARTNER_BADGE_PAGE = 'poly-partner-badge';

function poly_partner_badge_register_settings(): void {
	register_setting(
		'poly_partner_badge',
		POLY_PARTNER_BADGE_OPTION,
		array(
			'type'              => 'array',
			'sanitize_callback' => 'poly_partner_badge_sanitize',
			'default'           => poly_partner_badge_defaults(),
			'show_in_rest'      => false,
		)
	);

	add_settings_section(
		'poly_partner_badge_account',
		__( 'Your Poly partner account', 'poly-partner-badge' ),
		'poly_partner_badge_section_text',
		POLY_PARTNER_BADGE_PAGE
	);
	$fields = array(
		'partner_id'      => __( 'Partner id', 'poly-partner-badge' ),
		'publishable_key' => __( 'Publishable key', 'poly-partner-badge' ),
		'api_base'        => __( 'API address', 'poly-partner-badge' ),
		'sandbox'         => __( 'Sandbox mode', 'poly-partner-badge' ),
		'language'        => __( 'Badge language', 'poly-partner-badge' ),
	);
	foreach ( $fields as $name => $label ) {
		add_settings_field(
			"poly_partner_badge_$name",
			$label,
			'poly_partner_badge_field',
			POLY_PARTNER_BADGE_PAGE,
			'poly_partner_badge_account',
			array(
				'name'      => $name,
				'label_for' => "poly_partner_badge_$name",
			)
		);
	}
}

function poly_partner_badge_add_settings_page(): void {
	add_options_page(
		__( 'Poly partner badge', 'poly-partner-badge' ),
		__( 'Poly partner badge', 'poly-partner-badge' ),
		'manage_options',
		POLY_PARTNER_BADGE_PAGE,
		'poly_partner_badge_settings_page'
	);
}

/**
 * A "Settings" link beside the plugin on the Plugins screen.
 *
 * @param string[] $links The plugin's action links.
 * @return string[]
 */
function poly_partner_badge_action_links( array $links ): array {
	$url = admin_url( 'options-general.php?page=' . POLY_PARTNER_BADGE_PAGE );
	array_unshift( $links, '<a href="' . esc_url( $url ) . '">' . esc_html__( 'Settings', 'poly-partner-badge' ) . '</a>' );
	return $links;
}

function poly_partner_badge_section_text(): void {
	echo '<p>' . esc_html__( 'Poly sends you your partner id and a publishable key. The key only reads your public badge, from the websites you registered with Poly, so it may appear in your pages.', 'poly-partner-badge' ) . '</p>';
	echo '<p>' . esc_html__( 'Add the badge with the "Poly partner badge" block or the shortcode [poly_partner_badge].', 'poly-partner-badge' ) . '</p>';
}

/**
 * One field of the form.
 *
 * @param array{name: string, label_for: string} $args Which field.
 */
function poly_partner_badge_field( array $args ): void {
	$settings = poly_partner_badge_settings();
	$name     = $args['name'];
	$id       = $args['label_for'];
	$field    = POLY_PARTNER_BADGE_OPTION . '[' . $name . ']';
	switch ( $name ) {
		case 'sandbox':
			printf(
				'<label><input type="checkbox" id="%1$s" name="%2$s" value="1" %3$s> %4$s</label><p class="description">%5$s</p>',
				esc_attr( $id ),
				esc_attr( $field ),
				checked( $settings['sandbox'], true, false ),
				esc_html__( 'Use Poly\'s sandbox API', 'poly-partner-badge' ),
				esc_html__( 'For trying the plugin out: the badge then says that it is a sandbox badge.', 'poly-partner-badge' )
			);
			return;
		case 'language':
			$choices = array(
				''   => __( 'The page\'s language (follows the site\'s language)', 'poly-partner-badge' ),
				'en' => __( 'English', 'poly-partner-badge' ),
				'de' => __( 'German', 'poly-partner-badge' ),
			);
			printf( '<select id="%1$s" name="%2$s">', esc_attr( $id ), esc_attr( $field ) );
			foreach ( $choices as $value => $label ) {
				printf( '<option value="%1$s" %2$s>%3$s</option>', esc_attr( $value ), selected( $settings['language'], $value, false ), esc_html( $label ) );
			}
			echo '</select>';
			return;
		default:
			$descriptions = array(
				'partner_id'      => __( 'For example ptr_xi04q8d09h. A block or shortcode may name another partner.', 'poly-partner-badge' ),
				'publishable_key' => __( 'Starts with pk_live_ (or pk_test_ in the sandbox). Never enter a secret key (sk_…) here.', 'poly-partner-badge' ),
				'api_base'        => __( 'Leave as it is unless Poly tells you otherwise.', 'poly-partner-badge' ),
			);
			printf(
				'<input type="%1$s" class="regular-text code" id="%2$s" name="%3$s" value="%4$s" autocomplete="off" spellcheck="false"><p class="description">%5$s</p>',
				'api_base' === $name ? 'url' : 'text',
				esc_attr( $id ),
				esc_attr( $field ),
				esc_attr( (string) $settings[ $name ] ),
				esc_html( $descriptions[ $name ] )
			);
	}
}

function poly_partner_badge_settings_page(): void {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'You are not allowed to change these settings.', 'poly-partner-badge' ), 403 );
	}
	?>
	<div class="wrap">
		<h1><?php echo esc_html( get_admin_page_title() ); ?></h1>
		<form action="<?php echo esc_url( admin_url( 'options.php' ) ); ?>" method="post">
			<?php
			settings_fields( 'poly_partner_badge' );
			do_settings_sections( POLY_PARTNER_BADGE_PAGE );
			submit_button();
			?>
		</form>
	</div>
	<?php
}
