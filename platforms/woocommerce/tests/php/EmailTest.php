<?php
/**
 * The offer cards of the customer's order e-mails, followed against Triad as a mail client would: the image at
 * open time, the link at click time.
 *
 * @package Triad\Tests
 */

final class EmailTest extends TriadTestCase {

	public function test_the_order_email_carries_three_signed_cards_that_lead_to_the_offers() {
		$shop = $this->bike_shop();
		$this->connect();
		wc_double_run_actions();
		$order = $this->order( array( $shop['bike'] ) );
		$html  = $this->email( $order, false, false, 'customer_processing_order' );
		$this->assertStringContainsString( '<h2>For your next order</h2>', $html );
		preg_match_all( '#<a href="([^"]+)"><img src="([^"]+)"#', $html, $cards, PREG_SET_ORDER );
		$this->assertCount( 3, $cards );

		$first = $this->follow( $cards[0][1] );
		$this->assertSame( 303, $first['code'] );
		$this->assertMatchesRegularExpression( '#^http://shop\.example/\?triad-take=(' . $shop['helmet']->get_id() . '|' . $shop['lock']->get_id() . ')$#', $first['location'] );
		$bundle = $this->follow( $cards[1][1] );
		$this->assertStringContainsString( 'triad-token=', $bundle['location'], 'the bundle keeps its discount' );
		$this->assertSame( 'http://shop.example/', $this->follow( $cards[2][1] )['location'], 'no third offer: the home page' );
		$image = $this->follow( $cards[0][2] );
		$this->assertSame( 200, $image['code'], 'products without images: a neutral pixel' );
		$this->assertSame( 'image/png', $image['type'] );

		list( , $stats ) = self::operator( 'GET', '/admin/v1/shops/' . $this->shop . '/stats' );
		$this->assertSame( array( 'clicks' => 2, 'claims' => 1 ), $stats['email'] );
	}

	public function test_a_card_whose_link_was_altered_leads_to_the_home_page() {
		$shop = $this->bike_shop();
		$this->connect();
		wc_double_run_actions();
		$html = $this->email( $this->order( array( $shop['bike'] ) ), false, false, 'customer_completed_order' );
		preg_match( '#<a href="([^"]+)"#', $html, $link );
		$other = preg_replace( '/r=\d+/', 'r=1', html_entity_decode( $link[1] ) );
		$this->assertSame( 'http://shop.example/', $this->follow( $other )['location'] );
	}

	public function test_admin_emails_and_other_emails_carry_no_cards_and_plain_text_ones_carry_links() {
		$shop = $this->bike_shop();
		$this->connect();
		$order = $this->order( array( $shop['bike'] ) );
		$this->assertSame( '', $this->email( $order, true, false, 'new_order' ) );
		$this->assertSame( '', $this->email( $order, false, false, 'customer_note' ) );
		$plain = $this->email( $order, false, true, 'customer_processing_order' );
		$this->assertSame( 3, substr_count( $plain, self::triad_url() . '/email/v1/' . $this->shop . '/go?' ) );
		$this->assertStringNotContainsString( '<', $plain );
	}

	private function email( $order, $sent_to_admin, $plain_text, $id ) {
		ob_start();
		do_action( 'woocommerce_email_after_order_table', $order, $sent_to_admin, $plain_text, (object) array( 'id' => $id ) );
		return ob_get_clean();
	}

	private function follow( $url ) {
		$response = wp_remote_get( html_entity_decode( $url ), array( 'redirection' => 0, 'timeout' => 10 ) );
		$this->assertIsArray( $response, is_wp_error( $response ) ? $response->get_error_message() : '' );
		return array(
			'code'     => wp_remote_retrieve_response_code( $response ),
			'location' => wp_remote_retrieve_header( $response, 'location' ),
			'type'     => wp_remote_retrieve_header( $response, 'content-type' ),
		);
	}
}
