<?php
/**
 * Bundle and limited-time discounts, charged exactly as Triad's offer showed them.
 *
 * @package Triad
 */

defined( 'ABSPATH' ) || exit;

/**
 * The storefront hands the offer's token to the cart through the Store API ("cart/extensions",
 * namespace triad-offers, which the blocks' extensionCartUpdate() also calls); the token is verified
 * here and kept in the shopper's WooCommerce session. At every cart calculation each kept offer whose
 * items are all in the cart, one of each at the price the offer named, in the store's currency and
 * before its expiry, takes its saving off as a negative fee, so the order total is the offer's total.
 * Anything else (a tampered or expired token, an item removed, a changed quantity or price) gives no
 * discount and no error.
 */
final class Triad_Discounts {

	const NAMESPACE_ID = 'triad-offers';
	const SESSION_KEY  = 'triad_offers';
	const MAX_OFFERS   = 5;

	/** @var Triad_Connection */
	private $connection;

	public function __construct( Triad_Connection $connection ) {
		$this->connection = $connection;
	}

	public function hook() {
		add_action( 'init', array( $this, 'register_store_api_callback' ) );
		add_action( 'woocommerce_cart_calculate_fees', array( $this, 'apply' ) );
	}

	public function register_store_api_callback() {
		if ( function_exists( 'woocommerce_store_api_register_update_callback' ) ) {
			woocommerce_store_api_register_update_callback(
				array(
					'namespace' => self::NAMESPACE_ID,
					'callback'  => array( $this, 'take_from_store_api' ),
				)
			);
		}
	}

	/** The Store API's extension update: {"token": "..."}; anything but a valid token is dropped. */
	public function take_from_store_api( $data ) {
		if ( is_array( $data ) && isset( $data['token'] ) ) {
			$this->take( (string) $data['token'] );
		}
	}

	/** Keeps $token for this shopper's cart when it is a valid offer of this shop; true when kept. */
	public function take( $token ) {
		$session = $this->session();
		if ( null === $session || ! is_array( $this->verify( $token ) ) ) {
			return false;
		}
		$kept = array_values( array_diff( (array) $session->get( self::SESSION_KEY, array() ), array( $token ) ) );
		$kept[] = $token;
		$session->set( self::SESSION_KEY, array_slice( $kept, -self::MAX_OFFERS ) );
		return true;
	}

	/** woocommerce_cart_calculate_fees: one negative fee per kept offer the cart holds exactly. */
	public function apply( $cart ) {
		$session = $this->session();
		if ( null === $session ) {
			return;
		}
		$kept  = (array) $session->get( self::SESSION_KEY, array() );
		$alive = array();
		$used   = array();
		$labels = array();
		foreach ( $kept as $token ) {
			$offer = $this->verify( $token );
			if ( ! is_array( $offer ) ) {
				continue; // expired since it was kept, or the shop was connected again under another key
			}
			$alive[] = $token;
			$keys    = $this->lines_in( $cart, $offer, $used );
			if ( null === $keys || $offer['currency'] !== get_woocommerce_currency() ) {
				continue;
			}
			$used  = array_merge( $used, $keys );
			$label = $this->label( $offer );
			$count = isset( $labels[ $label ] ) ? ++$labels[ $label ] : ( $labels[ $label ] = 1 );
			// WooCommerce keeps one fee per name: a second bundle is "Bundle discount (2)".
			$cart->add_fee( $count > 1 ? $label . ' (' . $count . ')' : $label, -1 * (float) $offer['saving'], false );
		}
		if ( $alive !== $kept ) {
			$session->set( self::SESSION_KEY, $alive );
		}
	}

	private function verify( $token ) {
		$key = $this->connection->offer_key();
		return null === $key ? 'invalid' : Triad_Offer_Token::verify( $token, $key, time() );
	}

	/**
	 * The cart item keys holding each of the offer's items, one of each at the offer's price; null when
	 * the cart does not hold the offer exactly.
	 */
	private function lines_in( $cart, array $offer, array $used ) {
		$keys = array();
		foreach ( $offer['lines'] as $line ) {
			$found = null;
			foreach ( $cart->get_cart() as $key => $item ) {
				if ( in_array( $key, $used, true ) || in_array( $key, $keys, true ) || ! $this->is_item( $item, $line ) ) {
					continue;
				}
				$found = $key;
				break;
			}
			if ( null === $found ) {
				return null;
			}
			$item = $cart->get_cart()[ $found ];
			if ( 1 !== (int) $item['quantity'] || ! self::same_money( $item['data']->get_price(), $line['price'] ) ) {
				return null;
			}
			$keys[] = $found;
		}
		return $keys;
	}

	/** A simple product's Triad variant is the product itself; a variation's is the variation. */
	private function is_item( array $item, array $line ) {
		$variation = empty( $item['variation_id'] ) ? (string) $item['product_id'] : (string) $item['variation_id'];
		return (string) $item['product_id'] === $line['productId']
			&& ( null === $line['variantId'] || $variation === $line['variantId'] );
	}

	private static function same_money( $a, $b ) {
		return (int) round( (float) $a * 10000 ) === (int) round( (float) $b * 10000 );
	}

	private function label( array $offer ) {
		return 'bundle' === $offer['kind']
			? __( 'Bundle discount', 'triad-for-woocommerce' )
			: __( 'Limited-time discount', 'triad-for-woocommerce' );
	}

	private function session() {
		return function_exists( 'WC' ) && WC()->session ? WC()->session : null;
	}
}
