//! Helpers for the tests that check a fast search against the plain one it stands in for.

/// A small deterministic source of randomness for random texts (xorshift).
pub(crate) struct Xorshift(pub(crate) u64);

impl Xorshift {
    /// A number below `n`.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    /// One to `most` of `pieces` put together at random, each followed by a space or not
    /// when `spaced`.
    pub(crate) fn text(&mut self, pieces: &[&str], most: usize, spaced: bool) -> String {
        (0..1 + self.below(most))
            .map(|_| {
                let piece = pieces[self.below(pieces.len())];
                if spaced && self.below(2) == 0 {
                    format!("{piece} ")
                } else {
                    piece.to_owned()
                }
            })
            .collect()
    }
}
