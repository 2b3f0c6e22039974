//! Decimal digits of every script (Unicode's `Nd`: Arabic-Indic ٠١٢…, Devanagari ०१२…, fullwidth ０１２…,
//! and the rest): a code read from a phone set to another script arrives in its digits, and is the
//! same code. Each script's digits are ten consecutive code points from its zero.

/// The zero of each run of ten decimal digits (Unicode 15, general category `Nd`).
pub const ZEROS: &[char] = &[
    '0',
    '\u{0660}',
    '\u{06F0}',
    '\u{07C0}',
    '\u{0966}',
    '\u{09E6}',
    '\u{0A66}',
    '\u{0AE6}',
    '\u{0B66}',
    '\u{0BE6}',
    '\u{0C66}',
    '\u{0CE6}',
    '\u{0D66}',
    '\u{0DE6}',
    '\u{0E50}',
    '\u{0ED0}',
    '\u{0F20}',
    '\u{1040}',
    '\u{1090}',
    '\u{17E0}',
    '\u{1810}',
    '\u{1946}',
    '\u{19D0}',
    '\u{1A80}',
    '\u{1A90}',
    '\u{1B50}',
    '\u{1BB0}',
    '\u{1C40}',
    '\u{1C50}',
    '\u{A620}',
    '\u{A8D0}',
    '\u{A900}',
    '\u{A9D0}',
    '\u{A9F0}',
    '\u{AA50}',
    '\u{ABF0}',
    '\u{FF10}',
    '\u{104A0}',
    '\u{10D30}',
    '\u{11066}',
    '\u{110F0}',
    '\u{11136}',
    '\u{111D0}',
    '\u{112F0}',
    '\u{11450}',
    '\u{114D0}',
    '\u{11650}',
    '\u{116C0}',
    '\u{11730}',
    '\u{118E0}',
    '\u{11950}',
    '\u{11C50}',
    '\u{11D50}',
    '\u{11DA0}',
    '\u{11F50}',
    '\u{16A60}',
    '\u{16AC0}',
    '\u{16B50}',
    '\u{1D7CE}',
    '\u{1D7D8}',
    '\u{1D7E2}',
    '\u{1D7EC}',
    '\u{1D7F6}',
    '\u{1E140}',
    '\u{1E2F0}',
    '\u{1E4F0}',
    '\u{1E950}',
    '\u{1FBF0}',
];

/// The value of `c` when it is a decimal digit of any script.
pub fn digit_value(c: char) -> Option<u32> {
    ZEROS.iter().find_map(|&zero| {
        let offset = (c as u32).checked_sub(zero as u32)?;
        (offset < 10).then_some(offset)
    })
}

/// A regular-expression character class of every decimal digit (`[0-9٠-٩…]`), for the API document.
/// The characters stand as themselves (no escape is needed in a class, and `\u{…}` is not read the
/// same by every regex dialect that reads the document).
pub fn character_class() -> String {
    let ranges: String = ZEROS
        .iter()
        .map(|&zero| {
            let nine = char::from_u32(zero as u32 + 9).expect("a digit run ends on a character");
            format!("{zero}-{nine}")
        })
        .collect();
    format!("[{ranges}]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_scripts_digits_have_their_values_and_nothing_else_does() {
        assert_eq!(
            "0123456789".chars().map(digit_value).collect::<Vec<_>>(),
            (0..10).map(Some).collect::<Vec<_>>()
        );
        assert_eq!(
            "٠١٢٣٤٥٦٧٨٩".chars().filter_map(digit_value).collect::<Vec<_>>(),
            (0..10).collect::<Vec<_>>()
        );
        assert_eq!(digit_value('۷'), Some(7), "Extended Arabic-Indic (Persian, Urdu)");
        assert_eq!(digit_value('९'), Some(9), "Devanagari");
        assert_eq!(digit_value('５'), Some(5), "fullwidth");
        assert_eq!(digit_value('𝟘'), Some(0), "mathematical double-struck");
        for not_a_digit in ['a', '/', ':', '½', '²', 'Ⅻ', '〇', '十', ' '] {
            assert_eq!(digit_value(not_a_digit), None, "{not_a_digit:?}");
        }
        // Every run is ten numeric characters, and the runs do not overlap.
        for (i, &zero) in ZEROS.iter().enumerate() {
            for n in 0..10 {
                let c = char::from_u32(zero as u32 + n).unwrap();
                assert!(c.is_numeric(), "{c:?} (U+{:04X}) is not numeric", c as u32);
            }
            if let Some(&next) = ZEROS.get(i + 1) {
                assert!(next as u32 >= zero as u32 + 10, "U+{:04X} overlaps", next as u32);
            }
        }
    }
}
