<?php
/**
 * Triad's signed, expiring offer tokens, verified in the shop's own server.
 *
 * @package Triad
 */

defined( 'ABSPATH' ) || exit;

/**
 * A token is base64url(payload) "." base64url(HMAC-SHA256(offerKey, payload)); the payload is
 * "1 <kind> <expiresAt> <currency> <saving> <n> (<productId> <+variantId|-> <price>){n}" (Triad's
 * dev.triad.offer.OfferTokens; tests/vectors/offer-tokens.json holds tokens minted by it).
 */
final class Triad_Offer_Token {

	/**
	 * What $token grants at $now under the shop's $offer_key (raw bytes).
	 *
	 * @return array|string the offer (kind, expiresAt, currency, saving, lines of productId, variantId|null, price), or 'invalid' / 'expired'
	 */
	public static function verify( $token, $offer_key, $now ) {
		if ( ! is_string( $token ) || strlen( $token ) > 4096 || '' === (string) $offer_key ) {
			return 'invalid';
		}
		$dot = strpos( $token, '.' );
		if ( false === $dot || 0 === $dot ) {
			return 'invalid';
		}
		$payload = self::base64url_decode( substr( $token, 0, $dot ) );
		$mac     = self::base64url_decode( substr( $token, $dot + 1 ) );
		if ( null === $payload || null === $mac || ! hash_equals( hash_hmac( 'sha256', $payload, $offer_key, true ), $mac ) ) {
			return 'invalid';
		}
		$offer = self::parse( $payload );
		if ( null === $offer ) {
			return 'invalid';
		}
		return $offer['expiresAt'] <= $now ? 'expired' : $offer;
	}

	private static function parse( $payload ) {
		$f = explode( ' ', $payload );
		if ( count( $f ) < 6 || '1' !== $f[0] || ! ctype_digit( $f[2] ) || ! ctype_digit( $f[5] ) ) {
			return null;
		}
		$n = (int) $f[5];
		if ( $n < 1 || count( $f ) !== 6 + 3 * $n || ! self::is_decimal( $f[4] ) ) {
			return null;
		}
		$lines = array();
		for ( $i = 0; $i < $n; $i++ ) {
			$variant = $f[ 7 + 3 * $i ];
			$price   = $f[ 8 + 3 * $i ];
			if ( ! self::is_decimal( $price ) || ( '-' !== $variant && '+' !== substr( $variant, 0, 1 ) ) ) {
				return null;
			}
			$lines[] = array(
				'productId' => $f[ 6 + 3 * $i ],
				'variantId' => '-' === $variant ? null : substr( $variant, 1 ),
				'price'     => $price,
			);
		}
		return array(
			'kind'      => $f[1],
			'expiresAt' => (int) $f[2],
			'currency'  => $f[3],
			'saving'    => $f[4],
			'lines'     => $lines,
		);
	}

	private static function is_decimal( $text ) {
		return 1 === preg_match( '/^\d{1,12}(\.\d{1,4})?$/', $text );
	}

	private static function base64url_decode( $text ) {
		if ( '' === $text || 1 !== preg_match( '/^[A-Za-z0-9_-]+$/', $text ) ) {
			return null;
		}
		$decoded = base64_decode( strtr( $text, '-_', '+/' ), true );
		return false === $decoded ? null : $decoded;
	}
}
