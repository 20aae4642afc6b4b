<?php
/**
 * "For your next order" cards in the customer's order e-mails.
 *
 * @package Triad
 */

defined( 'ABSPATH' ) || exit;

/**
 * Below the order table of the customer's processing, on-hold and completed order e-mails: three offer cards,
 * each an image and a link to Triad (/email/v1/<shop>/offer.png and /go) naming the order, its products and the
 * card's slot, signed with the store's e-mail key (HMAC-SHA256, hex; Triad's EmailLinks). The e-mail is rendered
 * without asking Triad anything: at open time Triad answers the offer's image, at click time it sends the shopper
 * to the cart with the offer (and its discount while valid); anything not signed gets a neutral image and the
 * store's home page.
 */
final class Triad_Emails {

	const EMAILS = array( 'customer_processing_order', 'customer_on_hold_order', 'customer_completed_order' );

	/** @var Triad_Connection */
	private $connection;

	public function __construct( Triad_Connection $connection ) {
		$this->connection = $connection;
	}

	public function hook() {
		add_action( 'woocommerce_email_after_order_table', array( $this, 'render' ), 20, 4 );
	}

	/** woocommerce_email_after_order_table( $order, $sent_to_admin, $plain_text, $email ). */
	public function render( $order, $sent_to_admin = false, $plain_text = false, $email = null ) {
		$key = $this->connection->email_key();
		if ( $sent_to_admin || null === $key || ! $this->connection->is_connected() || ! Triad_Storefront::settings()['thank_you']
			|| ( $email && isset( $email->id ) && ! in_array( $email->id, self::EMAILS, true ) ) ) {
			return;
		}
		$ids = array();
		foreach ( $order->get_items() as $item ) {
			if ( $item->get_product_id() && count( $ids ) < 20 ) {
				$ids[] = (string) $item->get_product_id();
			}
		}
		$ids = implode( ',', array_unique( $ids ) );
		if ( '' === $ids ) {
			return;
		}
		$shop = (string) $this->connection->shop();
		$base = $this->connection->url() . '/email/v1/' . rawurlencode( $shop );
		$ref  = (string) $order->get_id();
		if ( $plain_text ) {
			echo "\n" . esc_html__( 'For your next order', 'triad-for-woocommerce' ) . "\n";
		} else {
			echo '<h2>' . esc_html__( 'For your next order', 'triad-for-woocommerce' ) . '</h2><table class="triad-offers" role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr>';
		}
		for ( $slot = 1; $slot <= 3; $slot++ ) {
			$query = http_build_query(
				array(
					'r' => $ref,
					'p' => $ids,
					'n' => $slot,
					's' => hash_hmac( 'sha256', $shop . ' ' . $ref . ' ' . $ids . ' ' . $slot, $key ),
				),
				'',
				'&'
			);
			if ( $plain_text ) {
				echo esc_url_raw( $base . '/go?' . $query ) . "\n";
			} else {
				echo '<td width="33%" align="center"><a href="' . esc_url( $base . '/go?' . $query ) . '"><img src="' . esc_url( $base . '/offer.png?' . $query ) . '" width="160" alt="" style="border:0;max-width:100%"></a></td>';
			}
		}
		if ( ! $plain_text ) {
			echo '</tr></table>';
		}
	}
}
