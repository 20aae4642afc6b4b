<?php
/**
 * The store's connection to Triad: the one-step handshake, the keys it gives, the webhooks it creates.
 *
 * @package Triad
 */

defined( 'ABSPATH' ) || exit;

/**
 * Connecting trades an operator-issued connect token (pasted once) for the shop's keys: the plugin
 * generates the webhook secret, Triad registers the shop with it and answers its admin key (kept in an
 * option that is never autoloaded), its publishable key (for the storefront) and the key its offer tokens
 * are signed with. The plugin then creates its webhooks through WooCommerce's own webhook API, so the
 * merchant never types a secret. Disconnecting deletes them and forgets the keys.
 */
final class Triad_Connection {

	const OPTION     = 'triad_connection';
	const ADMIN_KEY  = 'triad_admin_key';
	const TOPICS     = array( 'order.created', 'product.created', 'product.updated', 'product.deleted' );

	public function is_connected() {
		$state = $this->state();
		return ! empty( $state['shop'] ) && '' !== (string) get_option( self::ADMIN_KEY, '' );
	}

	/** @return array url, shop, publishable_key, offer_key, webhook_ids, connected_at (empty when not connected) */
	public function state() {
		$state = get_option( self::OPTION, array() );
		return is_array( $state ) ? $state : array();
	}

	public function url() {
		$state = $this->state();
		return isset( $state['url'] ) ? $state['url'] : '';
	}

	public function shop() {
		$state = $this->state();
		return isset( $state['shop'] ) ? $state['shop'] : null;
	}

	public function publishable_key() {
		$state = $this->state();
		return isset( $state['publishable_key'] ) ? $state['publishable_key'] : null;
	}

	/** The raw key offer tokens are verified with; null when not connected. */
	public function offer_key() {
		$state = $this->state();
		if ( empty( $state['offer_key'] ) ) {
			return null;
		}
		$key = base64_decode( $state['offer_key'], true );
		return false === $key || '' === $key ? null : $key;
	}

	/** The secret that signs the offer cards of the store's e-mails; null when not connected. */
	public function email_key() {
		$state = $this->state();
		return empty( $state['email_key'] ) ? null : $state['email_key'];
	}

	/** A client for the shop's admin routes (imports, products, rebuild). */
	public function admin_client() {
		return new Triad_Client( $this->url(), (string) get_option( self::ADMIN_KEY, '' ) );
	}

	/** Triad's admin route of this shop: "/admin/v1/shops/<shop><rest>". */
	public function shop_path( $rest = '' ) {
		return '/admin/v1/shops/' . rawurlencode( (string) $this->shop() ) . $rest;
	}

	/**
	 * Connects to Triad at $url with the operator's $connect_token. Nothing is kept unless Triad accepts.
	 *
	 * @return true|WP_Error
	 */
	public function connect( $url, $connect_token ) {
		$url = untrailingslashit( trim( (string) $url ) );
		if ( ! wp_http_validate_url( $url ) && 1 !== preg_match( '#^https?://(localhost|127\.0\.0\.1)(:\d+)?(/.*)?$#', $url ) ) {
			return new WP_Error( 'triad_url', __( 'Triad’s address must be a URL such as https://offers.example.com', 'triad-for-woocommerce' ) );
		}
		$secret   = wp_generate_password( 48, false );
		$answered = ( new Triad_Client( $url ) )->post_json(
			'/connect/v1/woocommerce',
			array(
				'connectToken'  => trim( (string) $connect_token ),
				'siteUrl'       => home_url( '/' ),
				'currency'      => get_woocommerce_currency(),
				'webhookSecret' => $secret,
			)
		);
		if ( is_wp_error( $answered ) ) {
			return $answered;
		}
		$body = $answered['body'];
		$this->delete_webhooks();
		update_option( self::ADMIN_KEY, $body['adminKey'], false );
		update_option(
			self::OPTION,
			array(
				'url'             => $url,
				'shop'            => $body['shop'],
				'publishable_key' => $body['publishableKey'],
				'offer_key'       => $body['offerKey'],
				'email_key'       => $body['emailKey'],
				'webhook_ids'     => $this->create_webhooks( $url . $body['webhookPath'], $secret ),
				'connected_at'    => time(),
			)
		);
		do_action( 'triad_connected', $body['shop'] );
		return true;
	}

	/** Deletes the webhooks and forgets the keys; Triad keeps the shop's data until the operator removes it. */
	public function disconnect() {
		$this->delete_webhooks();
		delete_option( self::OPTION );
		delete_option( self::ADMIN_KEY );
		do_action( 'triad_disconnected' );
	}

	/** @return int[] */
	private function create_webhooks( $delivery_url, $secret ) {
		$ids = array();
		foreach ( self::TOPICS as $topic ) {
			$webhook = new WC_Webhook();
			$webhook->set_name( 'Triad: ' . $topic );
			$webhook->set_user_id( get_current_user_id() );
			$webhook->set_topic( $topic );
			$webhook->set_delivery_url( $delivery_url );
			$webhook->set_secret( $secret );
			$webhook->set_api_version( 'wp_api_v3' );
			$webhook->set_status( 'active' );
			$ids[] = $webhook->save();
		}
		return $ids;
	}

	private function delete_webhooks() {
		$state = $this->state();
		foreach ( isset( $state['webhook_ids'] ) ? (array) $state['webhook_ids'] : array() as $id ) {
			$webhook = wc_get_webhook( $id );
			if ( $webhook ) {
				$webhook->delete( true );
			}
		}
	}
}
