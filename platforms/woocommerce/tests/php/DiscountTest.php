<?php
/**
 * A bundle's discount is charged exactly: Triad's offer token (minted by Triad for this shop, or one of
 * the shared test vectors) reaches the cart through the Store API, the plugin verifies it, and the cart
 * total is the offer's. A tampered or expired token, an item removed or a quantity changed: no discount
 * and no error.
 *
 * @package Triad\Tests
 */

final class DiscountTest extends TriadTestCase {

	/** @var array the shop's products */
	private $products;
	/** @var array Triad's bundle offer for a cart holding the bike */
	private $bundle;

	protected function setUp(): void {
		parent::setUp();
		$this->products = $this->bike_shop();
		$this->connect();
		wc_double_run_actions();
		$offers = $this->offers_for( array( array( 'productId' => (string) $this->products['bike']->get_id(), 'quantity' => 1, 'price' => '799.00' ) ) );
		$bundles = array_values( array_filter( $offers, static function ( $o ) { return 'bundle' === $o['kind']; } ) );
		$this->assertCount( 1, $bundles, wp_json_encode( $offers ) );
		$this->bundle = $bundles[0];
		$this->assertNotEmpty( $this->bundle['token'] );
		WC()->cart->add_to_cart( $this->products['bike']->get_id(), 1 );
	}

	public function test_a_bundle_added_with_its_token_costs_exactly_the_offers_extra() {
		$this->add_bundle( $this->bundle['token'] );
		$this->assertSame( wc_format_decimal( 799 + (float) $this->bundle['extra'], 2 ), $this->cart_total() );
		$fees = array_values( WC()->cart->get_fees() );
		$this->assertSame( 'Bundle discount', $fees[0]->name );
		$this->assertEqualsWithDelta( (float) $this->bundle['extra'] - (float) $this->bundle['price'], $fees[0]->total, 0.001 );
	}

	public function test_the_order_placed_from_that_cart_carries_the_discount_and_the_widgets_session() {
		$_COOKIE['triad_session'] = 's-abc123';
		$this->add_bundle( $this->bundle['token'] );
		$order = wc_double_checkout();
		$this->assertSame( wc_format_decimal( 799 + (float) $this->bundle['extra'], 2 ), $order->get_total() );
		$this->assertSame( 's-abc123', $order->get_meta( '_triad_session' ) );
	}

	public function test_a_tampered_token_gets_no_discount_and_no_error() {
		list( $payload, $mac ) = explode( '.', $this->bundle['token'] );
		$richer = rtrim( strtr( base64_encode( str_replace( ' ' . $this->saving() . ' ', ' 500.00 ', base64_decode( strtr( $payload, '-_', '+/' ) ) ) ), '+/', '-_' ), '=' );
		$this->assertNotSame( $payload, $richer );
		list( $status ) = $this->add_bundle( $richer . '.' . $mac );
		$this->assertSame( 200, $status, 'the cart answers as usual' );
		$this->assertSame( wc_format_decimal( 799 + (float) $this->bundle['price'], 2 ), $this->cart_total() );
		$this->assertSame( array(), WC()->cart->get_fees() );
	}

	public function test_removing_one_of_the_bundles_items_takes_the_discount_away() {
		$this->add_bundle( $this->bundle['token'] );
		$second = $this->bundle['items'][1];
		foreach ( WC()->cart->get_cart() as $key => $item ) {
			if ( (string) $item['product_id'] === $second['productId'] ) {
				WC()->cart->remove_cart_item( $key );
			}
		}
		$this->assertSame( wc_format_decimal( 799 + (float) $this->bundle['items'][0]['price'], 2 ), $this->cart_total() );
		$this->assertSame( array(), WC()->cart->get_fees() );
	}

	public function test_a_second_of_a_bundles_items_takes_the_discount_away() {
		$this->add_bundle( $this->bundle['token'] );
		$first = $this->bundle['items'][0];
		foreach ( WC()->cart->get_cart() as $key => $item ) {
			if ( (string) $item['product_id'] === $first['productId'] ) {
				WC()->cart->set_quantity( $key, 2 );
			}
		}
		$this->assertSame( array(), $this->fees_after_totals() );
	}

	public function test_a_price_changed_since_the_offer_takes_the_discount_away() {
		$this->add_bundle( $this->bundle['token'] );
		$first = wc_get_product( $this->bundle['items'][0]['productId'] );
		$first->set_regular_price( '1.00' );
		$first->save();
		foreach ( WC()->cart->get_cart() as $key => $item ) {
			WC()->cart->get_cart()[ $key ]['data']->set_regular_price( wc_get_product( $item['product_id'] )->get_regular_price() );
		}
		$this->assertSame( array(), $this->fees_after_totals() );
	}

	public function test_an_expired_token_from_the_shared_vectors_gets_no_discount_and_a_valid_one_its_exact_saving() {
		$vectors = json_decode( file_get_contents( dirname( __DIR__ ) . '/vectors/offer-tokens.json' ), true );
		$state   = get_option( Triad_Connection::OPTION );
		update_option( Triad_Connection::OPTION, array_merge( $state, array( 'offer_key' => $vectors['offerKey'] ) ) );
		update_option( 'woocommerce_currency', 'EUR' );
		WC()->cart->empty_cart();
		// The vectors' bundle: variation 413 of product 412 at 49.00 and simple product 87 at 40.00, saving 8.90.
		$variable = new WC_Product_Variable();
		$variable->set_name( 'Jersey' );
		$variable->save();
		$this->assertSame( 412, $this->move( $variable, 412 ) );
		$variation = new WC_Product_Variation();
		$variation->set_parent_id( 412 );
		$variation->set_attributes( array( 'size' => 'M' ) );
		$variation->set_regular_price( '49.00' );
		$variation->save();
		$this->assertSame( 413, $this->move( $variation, 413 ) );
		$gloves = $this->simple( 'Gloves', '40.00' );
		$this->assertSame( 87, $this->move( $gloves, 87 ) );
		WC()->cart->add_to_cart( 412, 1, 413 );
		WC()->cart->add_to_cart( 87, 1 );

		$expired = $vectors['cases'][2];
		$this->assertSame( 'expired', $expired['verdict'] );
		$this->store_api( 'POST', 'cart/extensions', array( 'namespace' => 'triad-offers', 'data' => array( 'token' => $expired['token'] ) ) );
		$this->assertSame( '89.00', $this->cart_total() );

		$this->store_api( 'POST', 'cart/extensions', array( 'namespace' => 'triad-offers', 'data' => array( 'token' => $vectors['cases'][0]['token'] ) ) );
		$this->assertSame( '80.10', $this->cart_total() );
	}

	/** The bundle's items through the Store API as the storefront adds them, then its token. */
	private function add_bundle( $token ) {
		foreach ( $this->bundle['items'] as $item ) {
			list( $status ) = $this->store_api( 'POST', 'cart/add-item', array( 'id' => (int) ( isset( $item['variantId'] ) ? $item['variantId'] : $item['productId'] ), 'quantity' => 1 ) );
			$this->assertSame( 201 === $status ? 201 : 200, $status );
		}
		return $this->store_api( 'POST', 'cart/extensions', array( 'namespace' => 'triad-offers', 'data' => array( 'token' => $token ) ) );
	}

	private function saving() {
		return wc_format_decimal( (float) $this->bundle['price'] - (float) $this->bundle['extra'], 2 );
	}

	private function fees_after_totals() {
		WC()->cart->calculate_totals();
		return WC()->cart->get_fees();
	}

	/** Gives a saved product the id the vectors name (as an import with the same ids would). */
	private function move( $product, $id ) {
		global $wpdb;
		$old = $product->get_id();
		$wpdb->update( $wpdb->posts, array( 'ID' => $id ), array( 'ID' => $old ) );
		$wpdb->update( $wpdb->postmeta, array( 'post_id' => $id ), array( 'post_id' => $old ) );
		$wpdb->update( $wpdb->posts, array( 'post_parent' => $id ), array( 'post_parent' => $old ) );
		clean_post_cache( $old );
		clean_post_cache( $id );
		return wc_get_product( $id )->get_id();
	}
}
