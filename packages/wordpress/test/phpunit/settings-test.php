<?php
/**
 * What a site owner saves on Settings → Poly partner badge, through the Settings API's sanitising.
 */

use PHPUnit\Framework\TestCase;

final class SettingsTest extends TestCase {
	protected function setUp(): void {
		delete_option( POLY_PARTNER_BADGE_OPTION );
		$GLOBALS['wp_settings_errors'] = array();
	}

	private function save( array $input ): array {
		update_option( POLY_PARTNER_BADGE_OPTION, $input );
		return poly_partner_badge_settings();
	}

	public function test_saves_valid_settings(): void {
		$saved = $this->save(
			array(
				'partner_id'      => ' ptr_xi04q8d09h ',
				'publishable_key' => 'pk_test_h604eqnhtk3yxsj003ydw8vf',
				'api_base'        => 'http://127.0.0.1:8787/',
				'sandbox'         => '1',
				'language'        => 'de',
			)
		);
		$this->assertSame( 'ptr_xi04q8d09h', $saved['partner_id'] );
		$this->assertSame( 'pk_test_h604eqnhtk3yxsj003ydw8vf', $saved['publishable_key'] );
		$this->assertSame( 'http://127.0.0.1:8787', $saved['api_base'] );
		$this->assertTrue( $saved['sandbox'] );
		$this->assertSame( 'de', $saved['language'] );
	}

	public function test_refuses_a_secret_key_and_keeps_the_previous_key(): void {
		$this->save( array( 'publishable_key' => 'pk_live_abcdefgh12345678' ) );
		$saved = $this->save( array( 'publishable_key' => 'sk_live_abcdefgh12345678' ) );
		$this->assertSame( 'pk_live_abcdefgh12345678', $saved['publishable_key'] );
		$codes = wp_list_pluck( get_settings_errors( POLY_PARTNER_BADGE_OPTION ), 'code' );
		$this->assertContains( 'invalid_publishable_key', $codes );
	}

	public function test_refuses_markup_in_the_partner_id_and_a_non_http_api(): void {
		$saved = $this->save(
			array(
				'partner_id' => '"><script>alert(1)</script>',
				'api_base'   => 'javascript:alert(1)',
			)
		);
		$this->assertSame( '', $saved['partner_id'] );
		$this->assertSame( 'https://api.partners.poly.example', $saved['api_base'] );
		$codes = wp_list_pluck( get_settings_errors( POLY_PARTNER_BADGE_OPTION ), 'code' );
		$this->assertContains( 'invalid_partner_id', $codes );
		$this->assertContains( 'invalid_api_base', $codes );
	}

	public function test_unknown_language_and_unchecked_sandbox_fall_back(): void {
		$saved = $this->save( array( 'language' => 'fr' ) );
		$this->assertSame( '', $saved['language'] );
		$this->assertFalse( $saved['sandbox'] );
	}

	public function test_settings_page_needs_manage_options(): void {
		wp_set_current_user( 0 );
		try {
			$this->expectException( WPDieException::class );
			add_filter( 'wp_die_handler', array( $this, 'die_handler' ) );
			poly_partner_badge_settings_page();
		} finally {
			remove_filter( 'wp_die_handler', array( $this, 'die_handler' ) );
			wp_set_current_user( 1 );
		}
	}

	public function test_settings_page_has_the_nonce_and_the_fields(): void {
		$this->save( array( 'partner_id' => 'ptr_abc' ) );
		// As WordPress sets them on its own admin screens.
		$GLOBALS['plugin_page'] = POLY_PARTNER_BADGE_PAGE;
		$GLOBALS['title']       = 'Poly partner badge';
		ob_start();
		poly_partner_badge_settings_page();
		$html = (string) ob_get_clean();
		$this->assertStringContainsString( 'name="_wpnonce"', $html );
		$this->assertMatchesRegularExpression( '/name=.option_page. value=.poly_partner_badge./', $html );
		$this->assertStringContainsString( 'name="poly_partner_badge_settings[partner_id]" value="ptr_abc"', $html );
		$this->assertStringContainsString( 'name="poly_partner_badge_settings[sandbox]"', $html );
	}

	public function test_uninstall_removes_the_option(): void {
		$this->save( array( 'partner_id' => 'ptr_abc' ) );
		define( 'WP_UNINSTALL_PLUGIN', 'poly-partner-badge/poly-partner-badge.php' );
		include POLY_PARTNER_BADGE_DIR . '/uninstall.php';
		$this->assertSame( 'gone', get_option( POLY_PARTNER_BADGE_OPTION, 'gone' ) );
	}

	public function test_texts_in_german_on_a_german_site(): void {
		// The test site is German (setup-site.php); the plugin loaded its text domain for that locale on init.
		$this->assertSame( 'de_DE', get_locale() );
		$this->assertSame( 'Publishable Key', __( 'Publishable key', 'poly-partner-badge' ) );
		$block = WP_Block_Type_Registry::get_instance()->get_registered( 'poly/partner-badge' );
		$this->assertSame( 'Poly Partner-Abzeichen', $block->title );
	}

	public function die_handler(): callable {
		return static function ( $message ) {
			throw new WPDieException( is_string( $message ) ? $message : 'wp_die' );
		};
	}
}

final class WPDieException extends RuntimeException {}
