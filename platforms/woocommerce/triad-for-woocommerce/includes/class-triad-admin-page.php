<?php
/**
 * WooCommerce → Triad: connect, see the connection and the sync, choose where offers appear.
 *
 * @package Triad
 */

defined( 'ABSPATH' ) || exit;

/** The settings page and its form handlers (admin-post.php, nonce and manage_woocommerce checked). */
final class Triad_Admin_Page {

	const SLUG = 'triad';

	/** @var Triad_Connection */
	private $connection;
	/** @var Triad_Sync */
	private $sync;
	/** @var Triad_Storefront */
	private $storefront;

	public function __construct( Triad_Connection $connection, Triad_Sync $sync, Triad_Storefront $storefront ) {
		$this->connection = $connection;
		$this->sync       = $sync;
		$this->storefront = $storefront;
	}

	public function hook() {
		add_action( 'admin_menu', array( $this, 'menu' ) );
		foreach ( array( 'connect', 'disconnect', 'settings', 'resync' ) as $action ) {
			add_action( 'admin_post_triad_' . $action, array( $this, 'handle_' . $action ) );
		}
	}

	public function menu() {
		add_submenu_page( 'woocommerce', __( 'Triad offers', 'triad-for-woocommerce' ), __( 'Triad offers', 'triad-for-woocommerce' ), 'manage_woocommerce', self::SLUG, array( $this, 'render' ) );
	}

	public function render() {
		if ( ! current_user_can( 'manage_woocommerce' ) ) {
			return;
		}
		echo '<div class="wrap"><h1>' . esc_html__( 'Triad offers', 'triad-for-woocommerce' ) . '</h1>';
		$notice = get_transient( 'triad_notice_' . get_current_user_id() );
		if ( $notice ) {
			delete_transient( 'triad_notice_' . get_current_user_id() );
			echo '<div class="notice notice-' . esc_attr( $notice['type'] ) . '"><p>' . esc_html( $notice['text'] ) . '</p></div>';
		}
		if ( $this->connection->is_connected() ) {
			$this->render_connected();
		} else {
			$this->render_connect_form();
		}
		echo '</div>';
	}

	private function render_connect_form() {
		echo '<p>' . esc_html__( 'Paste the address of your Triad and the connect token you were given. Triad then registers your store, creates its webhooks and copies your catalog and order history in the background.', 'triad-for-woocommerce' ) . '</p>';
		echo '<form method="post" action="' . esc_url( admin_url( 'admin-post.php' ) ) . '">';
		wp_nonce_field( 'triad_connect' );
		echo '<input type="hidden" name="action" value="triad_connect">';
		echo '<table class="form-table"><tr><th><label for="triad-url">' . esc_html__( 'Triad address', 'triad-for-woocommerce' ) . '</label></th>';
		echo '<td><input class="regular-text" type="url" id="triad-url" name="triad_url" required placeholder="https://offers.example.com" value="' . esc_attr( $this->connection->url() ) . '"></td></tr>';
		echo '<tr><th><label for="triad-token">' . esc_html__( 'Connect token', 'triad-for-woocommerce' ) . '</label></th>';
		echo '<td><input class="regular-text" type="text" id="triad-token" name="triad_connect_token" required autocomplete="off"></td></tr></table>';
		submit_button( __( 'Connect', 'triad-for-woocommerce' ) );
		echo '</form>';
	}

	private function render_connected() {
		$state    = $this->connection->state();
		$sync     = $this->sync->state();
		$settings = Triad_Storefront::settings();
		/* translators: 1: the shop's name at Triad, 2: Triad's address */
		echo '<p class="triad-connection">' . esc_html( sprintf( __( 'Connected as %1$s to %2$s.', 'triad-for-woocommerce' ), $state['shop'], $state['url'] ) ) . ' ';
		$active = 0;
		foreach ( (array) $state['webhook_ids'] as $id ) {
			$webhook = wc_get_webhook( $id );
			$active += $webhook && 'active' === $webhook->get_status() ? 1 : 0;
		}
		/* translators: 1: active webhooks, 2: webhooks created */
		echo esc_html( sprintf( __( 'Webhooks: %1$d of %2$d active.', 'triad-for-woocommerce' ), $active, count( (array) $state['webhook_ids'] ) ) ) . '</p>';
		echo '<h2>' . esc_html__( 'Sync', 'triad-for-woocommerce' ) . '</h2><p class="triad-sync">' . esc_html( $this->sync_text( $sync ) ) . '</p>';
		$this->button( 'resync', __( 'Sync everything again', 'triad-for-woocommerce' ), 'secondary' );

		echo '<h2>' . esc_html__( 'Where offers appear', 'triad-for-woocommerce' ) . '</h2>';
		echo '<form method="post" action="' . esc_url( admin_url( 'admin-post.php' ) ) . '">';
		wp_nonce_field( 'triad_settings' );
		echo '<input type="hidden" name="action" value="triad_settings"><fieldset>';
		$choices = array(
			'checkout' => __( 'Pop-up on “Proceed to checkout” (block and classic cart)', 'triad-for-woocommerce' ),
			'cart'     => __( 'Pop-up when the cart page opens', 'triad-for-woocommerce' ),
		);
		foreach ( $choices as $value => $label ) {
			echo '<label><input type="checkbox" name="triad_triggers[]" value="' . esc_attr( $value ) . '"' . checked( in_array( $value, $settings['triggers'], true ), true, false ) . '> ' . esc_html( $label ) . '</label><br>';
		}
		echo '<label><input type="checkbox" name="triad_inline_cart" value="1"' . checked( $settings['inline_cart'], true, false ) . '> ' . esc_html__( 'Offers inside the Cart block, below the order summary', 'triad-for-woocommerce' ) . '</label><br>';
		echo '<label><input type="checkbox" name="triad_thank_you" value="1"' . checked( $settings['thank_you'], true, false ) . '> ' . esc_html__( '“For your next order” on the order-received page', 'triad-for-woocommerce' ) . '</label>';
		echo '</fieldset>';
		submit_button( __( 'Save', 'triad-for-woocommerce' ) );
		echo '</form>';
		$this->button( 'disconnect', __( 'Disconnect', 'triad-for-woocommerce' ), 'delete' );
	}

	private function sync_text( array $sync ) {
		if ( empty( $sync['stage'] ) ) {
			return __( 'Not started.', 'triad-for-woocommerce' );
		}
		/* translators: 1: products sent, 2: orders sent */
		$counts = sprintf( __( '%1$d products and %2$d orders sent.', 'triad-for-woocommerce' ), $sync['products'], $sync['orders'] );
		if ( ! empty( $sync['error'] ) ) {
			/* translators: 1: what is done so far, 2: the error, 3: when it is tried again */
			return sprintf( __( '%1$s Stopped: %2$s. Trying again at %3$s.', 'triad-for-woocommerce' ), $counts, $sync['error'], empty( $sync['retry_at'] ) ? '—' : wp_date( 'H:i', $sync['retry_at'] ) );
		}
		if ( 'done' === $sync['stage'] ) {
			$text = sprintf( '%s %s', $counts, __( 'Offers are live.', 'triad-for-woocommerce' ) );
			if ( ! empty( $sync['reconciled_at'] ) ) {
				/* translators: 1: time of the last reconciliation, 2: orders, 3: products */
				$text .= ' ' . sprintf( __( 'Last check for missed changes at %1$s: %2$d orders, %3$d products.', 'triad-for-woocommerce' ), wp_date( 'H:i', $sync['reconciled_at'] ), $sync['reconciled']['orders'], $sync['reconciled']['products'] );
			}
			return $text;
		}
		$stages = array(
			'products' => __( 'Sending products…', 'triad-for-woocommerce' ),
			'orders'   => __( 'Sending orders…', 'triad-for-woocommerce' ),
			'rebuild'  => __( 'Mining co-purchases…', 'triad-for-woocommerce' ),
		);
		return $stages[ $sync['stage'] ] . ' ' . $counts;
	}

	private function button( $action, $label, $class ) {
		echo '<form method="post" action="' . esc_url( admin_url( 'admin-post.php' ) ) . '" style="display:inline-block;margin-right:8px">';
		wp_nonce_field( 'triad_' . $action );
		echo '<input type="hidden" name="action" value="triad_' . esc_attr( $action ) . '">';
		submit_button( $label, $class, 'submit', false );
		echo '</form>';
	}

	public function handle_connect() {
		$this->check( 'triad_connect' );
		$connected = $this->connection->connect(
			isset( $_POST['triad_url'] ) ? esc_url_raw( wp_unslash( $_POST['triad_url'] ) ) : '',
			isset( $_POST['triad_connect_token'] ) ? sanitize_text_field( wp_unslash( $_POST['triad_connect_token'] ) ) : ''
		);
		$this->done( is_wp_error( $connected ) ? array( 'error', $connected->get_error_message() ) : array( 'success', __( 'Connected. Your catalog and orders are being sent to Triad.', 'triad-for-woocommerce' ) ) );
	}

	public function handle_disconnect() {
		$this->check( 'triad_disconnect' );
		$this->connection->disconnect();
		$this->done( array( 'success', __( 'Disconnected; Triad’s webhooks were removed.', 'triad-for-woocommerce' ) ) );
	}

	public function handle_resync() {
		$this->check( 'triad_resync' );
		$this->sync->start();
		$this->done( array( 'success', __( 'Sync started.', 'triad-for-woocommerce' ) ) );
	}

	public function handle_settings() {
		$this->check( 'triad_settings' );
		$triggers = isset( $_POST['triad_triggers'] ) ? array_map( 'sanitize_key', (array) wp_unslash( $_POST['triad_triggers'] ) ) : array();
		update_option(
			Triad_Storefront::SETTINGS,
			array(
				'triggers'    => array_values( array_intersect( array( 'checkout', 'cart' ), $triggers ) ),
				'inline_cart' => ! empty( $_POST['triad_inline_cart'] ),
				'thank_you'   => ! empty( $_POST['triad_thank_you'] ),
			)
		);
		$this->done( array( 'success', __( 'Saved.', 'triad-for-woocommerce' ) ) );
	}

	private function check( $action ) {
		if ( ! current_user_can( 'manage_woocommerce' ) ) {
			wp_die( esc_html__( 'You may not change Triad’s settings.', 'triad-for-woocommerce' ), 403 );
		}
		check_admin_referer( $action );
	}

	private function done( array $notice ) {
		set_transient(
			'triad_notice_' . get_current_user_id(),
			array(
				'type' => $notice[0],
				'text' => $notice[1],
			),
			60
		);
		wp_safe_redirect( admin_url( 'admin.php?page=' . self::SLUG ) );
		exit;
	}
}
