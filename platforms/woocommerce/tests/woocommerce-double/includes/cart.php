<?php
/**
 * The shopper's session and cart (includes/class-wc-session-handler.php, includes/class-wc-cart.php,
 * includes/class-wc-cart-fees.php, includes/class-wc-cart-totals.php), the Store API routes Triad's
 * storefront calls (src/StoreApi/Routes/V1/CartAddItem.php, CartExtensions.php, Cart.php; POST routes
 * check the Nonce header against the "wc_store_api" action, src/StoreApi/Routes/V1/AbstractCartRoute.php)
 * and checkout (includes/class-wc-checkout.php: the cart's items and fees become the order's).
 *
 * @package Triad\Tests
 */

defined( 'ABSPATH' ) || exit;

class WC_Session_Handler {
	private $data = array();

	public function get( $key, $default = null ) {
		return array_key_exists( $key, $this->data ) ? $this->data[ $key ] : $default;
	}
	public function set( $key, $value ) {
		$this->data[ $key ] = $value;
	}
}

class WC_Cart {
	private $contents = array();
	private $fees = array();
	private $total = '0.00';

	/** @return array cart item key => product_id, variation_id, quantity, data (the WC_Product) */
	public function get_cart() {
		return $this->contents;
	}

	/** class-wc-cart.php add_to_cart(): the same product and variation again adds to the line's quantity. */
	public function add_to_cart( $product_id = 0, $quantity = 1, $variation_id = 0, $variation = array(), $cart_item_data = array() ) {
		$product = wc_get_product( $variation_id ? $variation_id : $product_id );
		if ( ! $product || ! $product->is_purchasable() || ! $product->is_in_stock() ) {
			return false;
		}
		$key = md5( $product_id . '_' . $variation_id );
		if ( isset( $this->contents[ $key ] ) ) {
			$this->contents[ $key ]['quantity'] += $quantity;
		} else {
			$this->contents[ $key ] = array(
				'key'          => $key,
				'product_id'   => (int) $product_id,
				'variation_id' => (int) $variation_id,
				'variation'    => $variation,
				'quantity'     => (int) $quantity,
				'data'         => $product,
			);
		}
		return $key;
	}

	public function set_quantity( $key, $quantity = 1 ) {
		if ( 0 === (int) $quantity ) {
			return $this->remove_cart_item( $key );
		}
		$this->contents[ $key ]['quantity'] = (int) $quantity;
		return true;
	}

	public function remove_cart_item( $key ) {
		unset( $this->contents[ $key ] );
		return true;
	}

	public function empty_cart() {
		$this->contents = array();
		$this->fees     = array();
	}

	/** class-wc-cart-fees.php add_fee(): one fee per id (the sanitised name); negative amounts are discounts. */
	public function add_fee( $name, $amount, $taxable = false, $tax_class = '' ) {
		$id = sanitize_title( $name );
		if ( isset( $this->fees[ $id ] ) ) {
			return new WP_Error( 'fee_exists', __( 'Fee has already been added.' ) );
		}
		$this->fees[ $id ] = (object) array(
			'id'      => $id,
			'name'    => $name,
			'amount'  => (float) $amount,
			'taxable' => $taxable,
			'total'   => (float) $amount,
		);
		return $this->fees[ $id ];
	}

	public function get_fees() {
		return $this->fees;
	}

	/**
	 * class-wc-cart.php calculate_totals() and class-wc-cart-totals.php: woocommerce_before_calculate_totals,
	 * the fees asked again (woocommerce_cart_calculate_fees), then the total: items at their prices plus fees.
	 */
	public function calculate_totals() {
		do_action( 'woocommerce_before_calculate_totals', $this );
		$this->fees = array();
		do_action( 'woocommerce_cart_calculate_fees', $this );
		$total = 0.0;
		foreach ( $this->contents as $item ) {
			$total += (float) $item['data']->get_price() * $item['quantity'];
		}
		foreach ( $this->fees as $fee ) {
			$total += $fee->total;
		}
		$this->total = wc_format_decimal( max( 0, $total ), wc_get_price_decimals() );
		do_action( 'woocommerce_after_calculate_totals', $this );
	}

	public function get_total( $context = 'view' ) {
		return $this->total;
	}

	public function is_empty() {
		return ! $this->contents;
	}
}

/** src/StoreApi/functions.php woocommerce_store_api_register_update_callback(). */
function woocommerce_store_api_register_update_callback( $args ) {
	if ( empty( $args['namespace'] ) || ! is_callable( $args['callback'] ) ) {
		throw new Exception( 'You must provide a namespace and a callable callback' );
	}
	$GLOBALS['wc_double_update_callbacks'][ $args['namespace'] ] = $args['callback'];
}

add_action(
	'rest_api_init',
	static function () {
		$nonce = static function ( WP_REST_Request $request ) {
			return wp_verify_nonce( $request->get_header( 'Nonce' ), 'wc_store_api' )
				? true
				: new WP_Error( 'woocommerce_rest_missing_nonce', 'Missing the Nonce header. This endpoint requires a valid nonce.', array( 'status' => 401 ) );
		};
		register_rest_route(
			'wc/store/v1',
			'/cart',
			array(
				'methods'             => 'GET',
				'permission_callback' => '__return_true',
				'callback'            => 'wc_double_cart_response',
			)
		);
		register_rest_route(
			'wc/store/v1',
			'/cart/add-item',
			array(
				'methods'             => 'POST',
				'permission_callback' => $nonce,
				'callback'            => static function ( WP_REST_Request $request ) {
					$product = wc_get_product( $request['id'] );
					if ( ! $product ) {
						return new WP_Error( 'woocommerce_rest_cart_invalid_product', 'This product cannot be added to the cart.', array( 'status' => 400 ) );
					}
					$is_variation = 'variation' === $product->get_type();
					WC()->cart->add_to_cart( $is_variation ? $product->get_parent_id() : $product->get_id(), (int) ( $request['quantity'] ?: 1 ), $is_variation ? $product->get_id() : 0 );
					return wc_double_cart_response();
				},
			)
		);
		register_rest_route(
			'wc/store/v1',
			'/cart/extensions',
			array(
				'methods'             => 'POST',
				'permission_callback' => $nonce,
				'callback'            => static function ( WP_REST_Request $request ) {
					$callbacks = isset( $GLOBALS['wc_double_update_callbacks'] ) ? $GLOBALS['wc_double_update_callbacks'] : array();
					if ( ! isset( $callbacks[ $request['namespace'] ] ) ) {
						return new WP_Error( 'woocommerce_rest_cart_extensions_error', 'There is no such namespace registered: ' . $request['namespace'], array( 'status' => 400 ) );
					}
					call_user_func( $callbacks[ $request['namespace'] ], (array) $request['data'] );
					return wc_double_cart_response();
				},
			)
		);
	}
);

/** The Store API cart (src/StoreApi/Schemas/V1/CartSchema.php): items, fees and totals in minor units. */
function wc_double_cart_response() {
	$cart = WC()->cart;
	$cart->calculate_totals();
	$minor = static function ( $amount ) {
		return (string) (int) round( (float) $amount * pow( 10, wc_get_price_decimals() ) );
	};
	$items = array();
	foreach ( $cart->get_cart() as $item ) {
		$items[] = array(
			'key'      => $item['key'],
			'id'       => $item['variation_id'] ? $item['variation_id'] : $item['product_id'],
			'quantity' => $item['quantity'],
			'name'     => $item['data']->get_name(),
			'prices'   => array(
				'price'               => $minor( $item['data']->get_price() ),
				'currency_code'       => get_woocommerce_currency(),
				'currency_minor_unit' => wc_get_price_decimals(),
			),
		);
	}
	$fees = array();
	foreach ( $cart->get_fees() as $fee ) {
		$fees[] = array(
			'id'     => $fee->id,
			'name'   => $fee->name,
			'totals' => array( 'total' => $minor( $fee->total ) ),
		);
	}
	return new WP_REST_Response(
		array(
			'items'  => $items,
			'fees'   => $fees,
			'totals' => array(
				'total_price'         => $minor( $cart->get_total( 'edit' ) ),
				'currency_code'       => get_woocommerce_currency(),
				'currency_minor_unit' => wc_get_price_decimals(),
			),
		)
	);
}

/**
 * class-wc-checkout.php create_order(): the cart becomes an order (items, fees), woocommerce_checkout_create_order
 * runs before it is saved, then woocommerce_checkout_order_processed; the cart is emptied.
 */
function wc_double_checkout( $customer_id = 0 ) {
	$cart = WC()->cart;
	$cart->calculate_totals();
	$order = wc_create_order( array( 'customer_id' => $customer_id ) );
	foreach ( $cart->get_cart() as $item ) {
		$order->add_product( $item['data'], $item['quantity'] );
	}
	foreach ( $cart->get_fees() as $fee ) {
		$order->add_fee( $fee->name, $fee->total );
	}
	$order->set_status( 'processing' );
	do_action( 'woocommerce_checkout_create_order', $order, array() );
	$order->save();
	do_action( 'woocommerce_checkout_order_processed', $order->get_id(), array(), $order );
	$cart->empty_cart();
	return $order;
}
