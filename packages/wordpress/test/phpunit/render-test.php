<?php
/**
 * What a visitor's page gets from the shortcode and the block: the widget markup, the fallback without JavaScript,
 * and the widget script, enqueued only when a badge is on the page.
 */

use PHPUnit\Framework\TestCase;

final class RenderTest extends TestCase {
	protected function setUp(): void {
		update_option(
			POLY_PARTNER_BADGE_OPTION,
			array(
				'partner_id'      => 'ptr_site',
				'publishable_key' => 'pk_test_h604eqnhtk3yxsj003ydw8vf',
				'api_base'        => 'http://127.0.0.1:8787',
				'sandbox'         => '',
				'language'        => '',
			)
		);
		$this->reset_script_modules();
	}

	private function reset_script_modules(): void {
		if ( function_exists( 'wp_script_modules' ) ) {
			wp_dequeue_script_module( 'poly-partner-badge-widgets' );
		}
		wp_dequeue_script( 'poly-partner-badge-widgets' );
	}

	/** Whether the widget script is queued for this page (WordPress keeps its queue private: reflection, test-only). */
	private function widgets_enqueued(): bool {
		if ( ! function_exists( 'wp_script_modules' ) ) {
			return wp_script_is( 'poly-partner-badge-widgets', 'enqueued' );
		}
		$modules    = wp_script_modules();
		$reflection = new ReflectionObject( $modules );
		if ( $reflection->hasProperty( 'queue' ) ) { // WordPress 6.9 and newer.
			$queue = $reflection->getProperty( 'queue' );
			$queue->setAccessible( true );
			return in_array( 'poly-partner-badge-widgets', $queue->getValue( $modules ), true );
		}
		$registered = $reflection->getProperty( 'registered' );
		$registered->setAccessible( true );
		return ! empty( $registered->getValue( $modules )['poly-partner-badge-widgets']['enqueue'] );
	}

	public function test_widgets_load_as_a_module_from_the_plugin(): void {
		do_shortcode( '[poly_partner_badge]' );
		ob_start();
		if ( function_exists( 'wp_script_modules' ) ) {
			wp_script_modules()->print_enqueued_script_modules();
		} else {
			wp_print_scripts( 'poly-partner-badge-widgets' );
		}
		$printed = (string) ob_get_clean();
		$script = $this->document( $printed )->query( '//script[@type="module"]' )->item( 0 );
		$this->assertNotNull( $script, $printed );
		$this->assertMatchesRegularExpression( '#/wp-content/plugins/poly-partner-badge/assets/widgets/embed\.js\?ver=0\.1\.0$#', $script->getAttribute( 'src' ) );
	}

	private function document( string $html ): DOMXPath {
		$document = new DOMDocument();
		libxml_use_internal_errors( true );
		$document->loadHTML( '<?xml encoding="utf-8"?><body>' . $html . '</body>' );
		libxml_clear_errors();
		return new DOMXPath( $document );
	}

	public function test_shortcode_renders_the_badge_for_the_site_partner(): void {
		$html  = do_shortcode( '[poly_partner_badge]' );
		$xpath = $this->document( $html );
		$config = $xpath->query( '//partner-config' )->item( 0 );
		$this->assertNotNull( $config, $html );
		$this->assertSame( 'http://127.0.0.1:8787', $config->getAttribute( 'api-base' ) );
		$this->assertSame( 'pk_test_h604eqnhtk3yxsj003ydw8vf', $config->getAttribute( 'publishable-key' ) );
		$this->assertFalse( $config->hasAttribute( 'environment' ) );
		$badge = $xpath->query( '//partner-config/partner-tier-badge' )->item( 0 );
		$this->assertSame( 'ptr_site', $badge->getAttribute( 'partner-id' ) );
		$this->assertSame( 'compact', $badge->getAttribute( 'layout' ) );
		$this->assertTrue( $this->widgets_enqueued() );
	}

	public function test_shortcode_attributes_choose_partner_and_layout(): void {
		$xpath = $this->document( do_shortcode( '[poly_partner_badge partner_id="ptr_other" layout="full"]' ) );
		$badge = $xpath->query( '//partner-tier-badge' )->item( 0 );
		$this->assertSame( 'ptr_other', $badge->getAttribute( 'partner-id' ) );
		$this->assertSame( 'full', $badge->getAttribute( 'layout' ) );
		$this->assertSame( 'large', $badge->getAttribute( 'size' ) );
	}

	public function test_hostile_attributes_never_reach_the_markup(): void {
		$html = do_shortcode( '[poly_partner_badge partner_id="x&quot; onmouseover=&quot;alert(1)" layout="<script>"]' );
		$this->assertStringNotContainsString( 'onmouseover', $html );
		$this->assertStringNotContainsString( '<script', $html );
		$badge = $this->document( $html )->query( '//partner-tier-badge' )->item( 0 );
		$this->assertSame( 'ptr_site', $badge->getAttribute( 'partner-id' ) );
		$this->assertSame( 'compact', $badge->getAttribute( 'layout' ) );
	}

	public function test_noscript_fallback_is_the_badge_image_linking_to_verification(): void {
		$html = do_shortcode( '[poly_partner_badge]' );
		$this->assertMatchesRegularExpression( '#<noscript><a href="http://127\.0\.0\.1:8787/(verify/ptr_site|v1/partners/ptr_site/badge\.svg)"#', $html );
		$this->assertStringContainsString( 'src="http://127.0.0.1:8787/v1/partners/ptr_site/badge.svg?key=pk_test_h604eqnhtk3yxsj003ydw8vf"', $html );
	}

	public function test_sandbox_mode_and_language_reach_partner_config(): void {
		update_option( POLY_PARTNER_BADGE_OPTION, array_merge( poly_partner_badge_settings(), array( 'sandbox' => '1', 'language' => 'de' ) ) );
		$config = $this->document( do_shortcode( '[poly_partner_badge]' ) )->query( '//partner-config' )->item( 0 );
		$this->assertSame( 'sandbox', $config->getAttribute( 'environment' ) );
		$this->assertSame( 'de', $config->getAttribute( 'lang' ) );
	}

	public function test_nothing_but_a_comment_until_set_up(): void {
		delete_option( POLY_PARTNER_BADGE_OPTION );
		$html = do_shortcode( '[poly_partner_badge]' );
		$this->assertStringStartsWith( '<!--', $html );
		$this->assertStringNotContainsString( '<partner-config', $html );
		$this->assertFalse( $this->widgets_enqueued() );
	}

	public function test_a_page_without_badge_loads_no_widget_script(): void {
		do_shortcode( 'Nur Text, kein Abzeichen.' );
		$this->assertFalse( $this->widgets_enqueued() );
	}

	public function test_block_renders_inside_its_wrapper_with_its_attributes(): void {
		$html  = do_blocks( '<!-- wp:poly/partner-badge {"partnerId":"ptr_block","layout":"full","align":"center"} /-->' );
		$xpath = $this->document( $html );
		$wrapper = $xpath->query( '//div[contains(concat(" ", @class, " "), " wp-block-poly-partner-badge ")]' )->item( 0 );
		$this->assertNotNull( $wrapper, $html );
		$this->assertStringContainsString( 'aligncenter', $wrapper->getAttribute( 'class' ) );
		$badge = $xpath->query( '//partner-tier-badge' )->item( 0 );
		$this->assertSame( 'ptr_block', $badge->getAttribute( 'partner-id' ) );
		$this->assertSame( 'full', $badge->getAttribute( 'layout' ) );
		$this->assertTrue( $this->widgets_enqueued() );
	}

	public function test_block_defaults_to_the_site_partner(): void {
		$badge = $this->document( do_blocks( '<!-- wp:poly/partner-badge /-->' ) )->query( '//partner-tier-badge' )->item( 0 );
		$this->assertSame( 'ptr_site', $badge->getAttribute( 'partner-id' ) );
	}

	public function test_block_metadata(): void {
		$block = WP_Block_Type_Registry::get_instance()->get_registered( 'poly/partner-badge' );
		$this->assertNotNull( $block );
		$this->assertSame( 3, $block->api_version );
		$this->assertTrue( $block->is_dynamic() );
		$this->assertSame( 'compact', $block->attributes['layout']['default'] );
	}
}
