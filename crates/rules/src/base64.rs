//! Base64 (RFC 4648 §4: standard alphabet, `=` padding) for the files embedded in a backup; the
//! decoder is strict and refuses anything an encoder would not have written.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Marks a byte outside the alphabet in [`DECODE`].
const INVALID: u8 = 0xff;

/// The value of each alphabet byte, [`INVALID`] for every other byte (including `=`).
const DECODE: [u8; 256] = {
    let mut table = [INVALID; 256];
    let mut i = 0;
    while i < 64 {
        table[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    table
};

/// Why text is not base64 as [`encode`] writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Base64Error {
    /// The length is not a multiple of four.
    Length { len: usize },
    /// A byte outside the alphabet, or `=` anywhere but the last one or two places.
    Character { at: usize },
    /// The bits after the last whole byte are not zero (RFC 4648 §3.5): not a canonical encoding.
    TrailingBits,
}

/// How many bytes `encoded` decodes to if it is well formed: its length without padding, in
/// bytes. Lets a caller refuse oversized data before decoding it.
pub fn decoded_len(encoded: &str) -> usize {
    let bytes = encoded.as_bytes();
    let padding = bytes.iter().rev().take(2).filter(|&&b| b == b'=').count();
    (bytes.len() / 4 * 3).saturating_sub(padding)
}

/// Base64 of `bytes`, padded.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = Vec::with_capacity(bytes.len().div_ceil(3) * 4);
    let mut chunks = bytes.chunks_exact(3);
    for chunk in &mut chunks {
        let n = (chunk[0] as u32) << 16 | (chunk[1] as u32) << 8 | chunk[2] as u32;
        out.extend_from_slice(&[
            ALPHABET[(n >> 18) as usize & 63],
            ALPHABET[(n >> 12) as usize & 63],
            ALPHABET[(n >> 6) as usize & 63],
            ALPHABET[n as usize & 63],
        ]);
    }
    match *chunks.remainder() {
        [a] => out.extend_from_slice(&[
            ALPHABET[(a >> 2) as usize],
            ALPHABET[((a & 3) << 4) as usize],
            b'=',
            b'=',
        ]),
        [a, b] => out.extend_from_slice(&[
            ALPHABET[(a >> 2) as usize],
            ALPHABET[((a & 3) << 4 | b >> 4) as usize],
            ALPHABET[((b & 15) << 2) as usize],
            b'=',
        ]),
        _ => {}
    }
    // Every byte pushed comes from the ASCII alphabet or is '='.
    String::from_utf8(out).unwrap_or_default()
}

/// The bytes `encoded` stands for. Refuses a length that is not a multiple of four, any byte
/// outside the alphabet (whitespace and line breaks included), misplaced padding, and non-zero
/// trailing bits.
pub fn decode(encoded: &str) -> Result<Vec<u8>, Base64Error> {
    let bytes = encoded.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return Err(Base64Error::Length { len: bytes.len() });
    }
    let mut out = Vec::with_capacity(decoded_len(encoded));
    let quads = bytes.len() / 4;
    for (q, quad) in bytes.chunks_exact(4).enumerate() {
        let at = q * 4;
        let last = q + 1 == quads;
        let value = |i: usize| -> Result<u32, Base64Error> {
            match DECODE[quad[i] as usize] {
                INVALID => Err(Base64Error::Character { at: at + i }),
                v => Ok(v as u32),
            }
        };
        let (a, b) = (value(0)?, value(1)?);
        if last && quad[2] == b'=' {
            if quad[3] != b'=' {
                return Err(Base64Error::Character { at: at + 3 });
            }
            if b & 15 != 0 {
                return Err(Base64Error::TrailingBits);
            }
            out.push((a << 2 | b >> 4) as u8);
        } else if last && quad[3] == b'=' {
            let c = value(2)?;
            if c & 3 != 0 {
                return Err(Base64Error::TrailingBits);
            }
            let n = a << 18 | b << 12 | c << 6;
            out.extend_from_slice(&[(n >> 16) as u8, (n >> 8) as u8]);
        } else {
            let n = a << 18 | b << 12 | value(2)? << 6 | value(3)?;
            out.extend_from_slice(&[(n >> 16) as u8, (n >> 8) as u8, n as u8]);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 4648 §10.
    const VECTORS: [(&str, &str); 7] = [
        ("", ""),
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="),
        ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ];

    #[test]
    fn rfc_4648_test_vectors_encode_and_decode() {
        for (plain, encoded) in VECTORS {
            assert_eq!(encode(plain.as_bytes()), encoded, "encode {plain:?}");
            assert_eq!(
                decode(encoded).as_deref(),
                Ok(plain.as_bytes()),
                "decode {encoded:?}"
            );
            assert_eq!(decoded_len(encoded), plain.len(), "length of {encoded:?}");
        }
    }

    #[test]
    fn every_byte_value_and_length_round_trips() {
        let all: Vec<u8> = (0..=255u8).collect();
        assert_eq!(
            encode(&all[..6]),
            "AAECAwQF",
            "first bytes of 0..=255 encode as expected"
        );
        for len in 0..all.len() {
            let encoded = encode(&all[..len]);
            assert_eq!(encoded.len(), len.div_ceil(3) * 4);
            assert_eq!(decoded_len(&encoded), len);
            assert_eq!(decode(&encoded), Ok(all[..len].to_vec()), "length {len}");
        }
        assert_eq!(encode(&[0xfb, 0xff]), "+/8=");
    }

    #[test]
    fn malformed_text_is_refused_with_the_reason() {
        let cases = [
            ("Zg=", Base64Error::Length { len: 3 }),
            ("Zm9vY", Base64Error::Length { len: 5 }),
            ("Zm9v\nYmFy", Base64Error::Length { len: 9 }),
            ("Zm9\n", Base64Error::Character { at: 3 }),
            ("Zm 9", Base64Error::Character { at: 2 }),
            ("Zm9-", Base64Error::Character { at: 3 }),
            ("Zm9_", Base64Error::Character { at: 3 }),
            ("Zm9v\u{e9}AA", Base64Error::Character { at: 4 }),
            ("Zg==Zm9v", Base64Error::Character { at: 2 }),
            ("Z===", Base64Error::Character { at: 1 }),
            ("====", Base64Error::Character { at: 0 }),
            ("Zg=v", Base64Error::Character { at: 3 }),
            ("Zh==", Base64Error::TrailingBits),
            ("Zm9=", Base64Error::TrailingBits),
        ];
        for (text, expected) in cases {
            assert_eq!(decode(text), Err(expected), "{text:?}");
        }
    }
}
