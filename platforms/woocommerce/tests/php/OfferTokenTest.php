<?php
/**
 * Offer tokens as Triad mints them (tests/vectors/offer-tokens.json, written and checked by Triad's
 * OfferTokenVectorsTest) mean the same here, byte for byte.
 *
 * @package Triad\Tests
 */

use PHPUnit\Framework\TestCase;

final class OfferTokenTest extends TestCase {

	private static function vectors() {
		return json_decode( file_get_contents( dirname( __DIR__ ) . '/vectors/offer-tokens.json' ), true );
	}

	public function test_every_token_triad_minted_gets_the_verdict_triad_gives_it() {
		$vectors = self::vectors();
		$key     = base64_decode( $vectors['offerKey'] );
		$this->assertGreaterThanOrEqual( 8, count( $vectors['cases'] ) );
		foreach ( $vectors['cases'] as $case ) {
			$verdict = Triad_Offer_Token::verify( $case['token'], $key, $vectors['now'] );
			$this->assertSame( $case['verdict'], is_array( $verdict ) ? 'valid' : $verdict, $case['name'] );
		}
	}

	public function test_a_valid_token_names_the_items_prices_and_saving_triad_signed() {
		$vectors = self::vectors();
		foreach ( $vectors['cases'] as $case ) {
			if ( 'valid' !== $case['verdict'] ) {
				continue;
			}
			$offer = Triad_Offer_Token::verify( $case['token'], base64_decode( $vectors['offerKey'] ), $vectors['now'] );
			$this->assertSame(
				array( $case['kind'], $case['expiresAt'], $case['currency'], $case['saving'], $case['lines'] ),
				array( $offer['kind'], $offer['expiresAt'], $offer['currency'], $offer['saving'], $offer['lines'] ),
				$case['name']
			);
		}
	}

	public function test_a_token_is_worthless_under_another_shops_key() {
		$vectors = self::vectors();
		$this->assertSame( 'invalid', Triad_Offer_Token::verify( $vectors['cases'][0]['token'], hash( 'sha256', 'another shop', true ), $vectors['now'] ) );
	}

	public function test_a_token_ends_at_its_expiry_second() {
		$vectors = self::vectors();
		$case    = $vectors['cases'][0];
		$key     = base64_decode( $vectors['offerKey'] );
		$this->assertIsArray( Triad_Offer_Token::verify( $case['token'], $key, $case['expiresAt'] - 1 ) );
		$this->assertSame( 'expired', Triad_Offer_Token::verify( $case['token'], $key, $case['expiresAt'] ) );
	}
}
