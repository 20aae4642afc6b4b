<?php
/**
 * Webhooks, following includes/class-wc-webhook.php and includes/wc-webhook-functions.php: a webhook is
 * saved with its topic, delivery URL and secret; the topic's hooks (WC_Webhook::get_topic_hooks():
 * order.created ← woocommerce_new_order, product.created ← woocommerce_new_product, product.updated ←
 * woocommerce_update_product, product.deleted ← woocommerce_delete_product) queue a delivery in Action
 * Scheduler (woocommerce_deliver_webhook_async); the delivery POSTs the REST v3 representation with the
 * X-WC-Webhook-* headers, signed by WC_Webhook::generate_signature(), logs the answer and is never tried
 * again; more than five failures in a row disable the webhook (WC_Webhook::failed_delivery()).
 *
 * @package Triad\Tests
 */

defined( 'ABSPATH' ) || exit;

class WC_Webhook {
	private $data = array(
		'id'            => 0,
		'name'          => '',
		'user_id'       => 0,
		'topic'         => '',
		'delivery_url'  => '',
		'secret'        => '',
		'api_version'   => 'wp_api_v3',
		'status'        => 'disabled',
		'failure_count' => 0,
	);

	public function __construct( $id = 0 ) {
		$all = get_option( 'wc_double_webhooks', array() );
		if ( $id && isset( $all[ $id ] ) ) {
			$this->data = $all[ $id ];
		}
	}

	public function get_id() {
		return $this->data['id'];
	}
	public function get_name() {
		return $this->data['name'];
	}
	public function get_topic() {
		return $this->data['topic'];
	}
	public function get_delivery_url() {
		return $this->data['delivery_url'];
	}
	public function get_secret() {
		return $this->data['secret'];
	}
	public function get_status() {
		return $this->data['status'];
	}
	public function get_user_id() {
		return $this->data['user_id'];
	}
	public function get_failure_count() {
		return $this->data['failure_count'];
	}
	public function set_name( $value ) {
		$this->data['name'] = $value;
	}
	public function set_user_id( $value ) {
		$this->data['user_id'] = (int) $value;
	}
	public function set_topic( $value ) {
		$this->data['topic'] = $value;
	}
	public function set_delivery_url( $value ) {
		$this->data['delivery_url'] = $value;
	}
	public function set_secret( $value ) {
		$this->data['secret'] = $value;
	}
	public function set_api_version( $value ) {
		$this->data['api_version'] = $value;
	}
	public function set_status( $value ) {
		$this->data['status'] = $value;
	}

	public function save() {
		$all = get_option( 'wc_double_webhooks', array() );
		if ( ! $this->data['id'] ) {
			$this->data['id'] = $all ? max( array_keys( $all ) ) + 1 : 1;
		}
		$all[ $this->data['id'] ] = $this->data;
		update_option( 'wc_double_webhooks', $all );
		return $this->data['id'];
	}

	public function delete( $force_delete = false ) {
		$all = get_option( 'wc_double_webhooks', array() );
		unset( $all[ $this->data['id'] ] );
		update_option( 'wc_double_webhooks', $all );
		return true;
	}

	/** WC_Webhook::generate_signature(): base64 HMAC-SHA256 of the body under the decoded secret. */
	public function generate_signature( $payload ) {
		return base64_encode( hash_hmac( 'sha256', $payload, wp_specialchars_decode( $this->get_secret(), ENT_QUOTES ), true ) ); // phpcs:ignore
	}

	/** WC_Webhook::deliver(): one POST, logged, never retried. */
	public function deliver( $arg ) {
		list( $resource, $event ) = explode( '.', $this->get_topic() );
		$payload  = wp_json_encode( 'deleted' === $event ? array( 'id' => $arg ) : wc_double_rest_payload( $resource, $arg ) );
		$response = wp_remote_post(
			$this->get_delivery_url(),
			array(
				'timeout' => 5,
				'headers' => array(
					'Content-Type'             => 'application/json',
					'User-Agent'               => 'WooCommerce/9.4.0 Hookshot (WordPress/' . $GLOBALS['wp_version'] . ')',
					'X-WC-Webhook-Source'      => home_url( '/' ),
					'X-WC-Webhook-Topic'       => $this->get_topic(),
					'X-WC-Webhook-Resource'    => $resource,
					'X-WC-Webhook-Event'       => $event,
					'X-WC-Webhook-Signature'   => $this->generate_signature( $payload ),
					'X-WC-Webhook-ID'          => $this->get_id(),
					'X-WC-Webhook-Delivery-ID' => wp_generate_uuid4(),
				),
				'body'    => $payload,
			)
		);
		$code = is_wp_error( $response ) ? 0 : (int) wp_remote_retrieve_response_code( $response );
		$log  = get_option( 'wc_double_webhook_deliveries', array() );
		$log[] = array(
			'webhook_id' => $this->get_id(),
			'topic'      => $this->get_topic(),
			'arg'        => $arg,
			'code'       => $code,
		);
		update_option( 'wc_double_webhook_deliveries', $log );
		if ( $code >= 200 && $code < 300 ) {
			$this->data['failure_count'] = 0;
		} elseif ( ++$this->data['failure_count'] > 5 ) {
			$this->data['status'] = 'disabled';
		}
		$this->save();
	}
}

/** includes/wc-webhook-functions.php wc_get_webhook(): the webhook, or null. */
function wc_get_webhook( $id ) {
	$webhook = new WC_Webhook( (int) $id );
	return $webhook->get_id() ? $webhook : null;
}

/** Queues a delivery for each active webhook of $topic, as WC_Webhook::process() does with async delivery. */
function wc_double_queue_webhooks( $topic, $arg ) {
	foreach ( get_option( 'wc_double_webhooks', array() ) as $data ) {
		if ( $data['topic'] === $topic && 'active' === $data['status'] ) {
			as_enqueue_async_action( 'woocommerce_deliver_webhook_async', array( 'webhook_id' => $data['id'], 'arg' => $arg ), 'woocommerce-webhooks' );
		}
	}
}

add_action(
	'woocommerce_deliver_webhook_async',
	static function ( $webhook_id, $arg ) {
		$webhook = wc_get_webhook( $webhook_id );
		if ( $webhook ) {
			$webhook->deliver( $arg );
		}
	},
	10,
	2
);
add_action( 'woocommerce_new_order', static function ( $id ) { wc_double_queue_webhooks( 'order.created', $id ); } );
add_action( 'woocommerce_new_product', static function ( $id ) { wc_double_queue_webhooks( 'product.created', $id ); } );
add_action( 'woocommerce_update_product', static function ( $id ) { wc_double_queue_webhooks( 'product.updated', $id ); } );
add_action( 'woocommerce_delete_product', static function ( $id ) { wc_double_queue_webhooks( 'product.deleted', $id ); } );

/** The REST v3 representation (includes/rest-api/Controllers/Version3) of an order or a product, the fields Triad reads. */
function wc_double_rest_payload( $resource, $id ) {
	if ( 'order' === $resource ) {
		$order = wc_get_order( $id );
		$items = array();
		foreach ( $order->get_items() as $i => $item ) {
			$data    = $item->to_array();
			$items[] = array(
				'id'           => $i + 1,
				'name'         => $data['name'],
				'product_id'   => $data['product_id'],
				'variation_id' => $data['variation_id'],
				'quantity'     => $data['quantity'],
				'subtotal'     => $data['subtotal'],
				'total'        => $data['total'],
				'price'        => (float) $data['price'],
			);
		}
		$meta = array();
		foreach ( $order->get_meta_data() as $key => $value ) {
			$meta[] = array(
				'id'    => count( $meta ) + 1,
				'key'   => $key,
				'value' => $value,
			);
		}
		return array(
			'id'               => $order->get_id(),
			'status'           => $order->get_status(),
			'currency'         => $order->get_currency(),
			'date_created_gmt' => $order->get_date_created()->format( 'Y-m-d\TH:i:s' ),
			'total'            => $order->get_total(),
			'customer_id'      => $order->get_customer_id(),
			'line_items'       => $items,
			'meta_data'        => $meta,
		);
	}
	$product    = wc_get_product( $id );
	$attributes = array();
	if ( 'variation' === $product->get_type() ) {
		foreach ( $product->get_attributes() as $name => $option ) {
			$attributes[] = array(
				'id'     => 0,
				'name'   => wc_attribute_label( $name ),
				'option' => $option,
			);
		}
	}
	return array(
		'id'             => $product->get_id(),
		'name'           => $product->get_name(),
		'type'           => $product->get_type(),
		'status'         => $product->get_status(),
		'permalink'      => $product->get_permalink(),
		'price'          => $product->get_price(),
		'regular_price'  => $product->get_regular_price(),
		'sale_price'     => $product->get_sale_price(),
		'purchasable'    => $product->is_purchasable(),
		'stock_status'   => $product->get_stock_status(),
		'categories'     => array(),
		'images'         => array(),
		'attributes'     => $attributes,
		'upsell_ids'     => $product->get_upsell_ids(),
		'cross_sell_ids' => $product->get_cross_sell_ids(),
		'parent_id'      => $product->get_parent_id(),
		'variations'     => $product->get_children(),
		'average_rating' => (string) $product->get_average_rating(),
		'rating_count'   => $product->get_review_count(),
	);
}
