//! The recipes CPython's `secrets` documentation only describes: passwords,
//! passphrases, PINs, reset URLs and API keys, each with its exact entropy.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyString;
use rsecrets::rsecrets_recipes::pin_entropy_bits as pin_bits;
use rsecrets::{
    ApiKey, Passphrase as PassphraseBuilder, PassphraseGenerator, PasswordGenerator,
    PasswordPolicy as Policy, WordList as List,
};

use crate::errors;

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(password, m)?)?;
    m.add_function(wrap_pyfunction!(passphrase, m)?)?;
    m.add_function(wrap_pyfunction!(pin, m)?)?;
    m.add_function(wrap_pyfunction!(pin_entropy_bits, m)?)?;
    m.add_function(wrap_pyfunction!(reset_url, m)?)?;
    m.add_function(wrap_pyfunction!(api_key, m)?)?;
    m.add_function(wrap_pyfunction!(check_api_key, m)?)?;
    m.add_function(wrap_pyfunction!(uuid7, m)?)?;
    m.add_function(wrap_pyfunction!(token_id, m)?)?;
    m.add_function(wrap_pyfunction!(token_alphabet, m)?)?;
    m.add_function(wrap_pyfunction!(token_base32, m)?)?;
    m.add_function(wrap_pyfunction!(token_base64, m)?)?;
    m.add_class::<PasswordPolicy>()?;
    m.add_class::<Passphrase>()?;
    m.add_class::<WordList>()?;
    Ok(())
}

/// The keyword arguments of `password` and `PasswordPolicy`, as the Rust policy.
///
/// A custom alphabet comes first and the class switches given explicitly after it,
/// as in the Rust builder: `alphabet="0123456789abcdef", upper=True` is hex plus
/// the upper-case letters.
#[allow(clippy::too_many_arguments)]
fn policy(
    length: usize,
    lower: Option<bool>,
    upper: Option<bool>,
    digits: Option<bool>,
    symbols: Option<bool>,
    mins: [usize; 4],
    alphabet: Option<&str>,
    exclude_ambiguous: bool,
) -> Policy {
    let mut p = Policy::new();
    if let Some(chars) = alphabet {
        p = p.alphabet(chars);
    }
    if let Some(on) = lower {
        p = p.lower(on);
    }
    if let Some(on) = upper {
        p = p.upper(on);
    }
    if let Some(on) = digits {
        p = p.digits(on);
    }
    if let Some(on) = symbols {
        p = p.symbols(on);
    }
    let [l, u, d, s] = mins;
    p.length(length)
        .min_lower(l)
        .min_upper(u)
        .min_digits(d)
        .min_symbols(s)
        .exclude_ambiguous(exclude_ambiguous)
}

/// A random password, uniform over every string the policy allows.
///
/// By default 20 letters and digits (119 bits). The class switches (lower, upper,
/// digits, symbols) default to letters and digits, or to exactly `alphabet` when
/// one is given; the minimums ask for at least that many characters of a class
/// (CPython's "loop until it has three digits" recipe, exact and in bounded time).
/// The generator is kept per thread while the same policy is asked for; hold a
/// `PasswordPolicy` to make that explicit. `ValueError` for an impossible policy.
#[pyfunction]
#[pyo3(signature = (
    length=20, *, lower=None, upper=None, digits=None, symbols=None, min_lower=0,
    min_upper=0, min_digits=0, min_symbols=0, alphabet=None, exclude_ambiguous=false
))]
#[allow(clippy::too_many_arguments)]
fn password<'py>(
    py: Python<'py>,
    length: usize,
    lower: Option<bool>,
    upper: Option<bool>,
    digits: Option<bool>,
    symbols: Option<bool>,
    min_lower: usize,
    min_upper: usize,
    min_digits: usize,
    min_symbols: usize,
    alphabet: Option<&str>,
    exclude_ambiguous: bool,
) -> PyResult<Bound<'py, PyString>> {
    let p = policy(
        length,
        lower,
        upper,
        digits,
        symbols,
        [min_lower, min_upper, min_digits, min_symbols],
        alphabet,
        exclude_ambiguous,
    );
    let secret = rsecrets::password(p).map_err(errors::recipe)?;
    Ok(PyString::new(py, &secret))
}

/// A password policy, checked and counted once: `generate()` draws a password,
/// uniform over every string the policy allows; `entropy_bits` is log2 of their
/// number. Takes the arguments of `password()`.
#[pyclass(frozen, module = "rsecrets")]
struct PasswordPolicy(PasswordGenerator);

#[pymethods]
impl PasswordPolicy {
    #[new]
    #[pyo3(signature = (
        length=20, *, lower=None, upper=None, digits=None, symbols=None, min_lower=0,
        min_upper=0, min_digits=0, min_symbols=0, alphabet=None, exclude_ambiguous=false
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        length: usize,
        lower: Option<bool>,
        upper: Option<bool>,
        digits: Option<bool>,
        symbols: Option<bool>,
        min_lower: usize,
        min_upper: usize,
        min_digits: usize,
        min_symbols: usize,
        alphabet: Option<&str>,
        exclude_ambiguous: bool,
    ) -> PyResult<Self> {
        let p = policy(
            length,
            lower,
            upper,
            digits,
            symbols,
            [min_lower, min_upper, min_digits, min_symbols],
            alphabet,
            exclude_ambiguous,
        );
        let built = p
            .build()
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(PasswordPolicy(built))
    }

    /// A new password.
    fn generate<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyString>> {
        let secret = self
            .0
            .generate(&mut rsecrets::rng())
            .map_err(errors::core)?;
        Ok(PyString::new(py, &secret))
    }

    /// log2 of the number of passwords the policy allows.
    #[getter]
    fn entropy_bits(&self) -> f64 {
        self.0.entropy_bits()
    }

    /// The number of passwords the policy allows, or None when it is 2**128 or more.
    #[getter]
    fn possible_passwords(&self) -> Option<u128> {
        self.0.possible_passwords()
    }

    /// The password length.
    #[getter]
    fn length(&self) -> usize {
        self.0.length()
    }

    /// The characters passwords are drawn from, in ASCII order.
    #[getter]
    fn alphabet(&self) -> &str {
        self.0.alphabet()
    }

    fn __repr__(&self) -> String {
        format!(
            "PasswordPolicy(length={}, alphabet={:?}, entropy_bits={:.1})",
            self.0.length(),
            self.0.alphabet(),
            self.0.entropy_bits()
        )
    }
}

/// A list of distinct words for passphrases.
///
/// `WordList(words)` takes an iterable of str: each is trimmed and normalized (NFC,
/// invisible characters removed), blanks and repeats are dropped, and at least two
/// distinct words must remain. `WordList.from_file(path)` reads one word a line (the
/// EFF's numbered layout too); `WordList.eff_large()` is the default list (7776
/// words, 12.925 bits a word).
#[pyclass(frozen, module = "rsecrets")]
struct WordList(List);

#[pymethods]
impl WordList {
    #[new]
    fn new(words: &Bound<'_, PyAny>) -> PyResult<Self> {
        let mut text = String::new();
        for word in words.try_iter()? {
            let word = word?;
            let word = word.cast::<PyString>()?.to_str()?;
            if word.contains(['\n', '\r']) {
                return Err(PyValueError::new_err("a word may not contain a line break"));
            }
            text.push_str(word);
            text.push('\n');
        }
        List::parse(&text)
            .map(WordList)
            .map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// A list read from a file, one word a line.
    #[staticmethod]
    fn from_file(path: std::path::PathBuf) -> PyResult<Self> {
        List::from_file(path)
            .map(WordList)
            .map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// The EFF's large list: 7776 words.
    #[staticmethod]
    fn eff_large() -> Self {
        WordList(List::eff_large())
    }

    /// The EFF's first short list: 1296 words.
    #[staticmethod]
    fn eff_short() -> Self {
        WordList(List::eff_short_1())
    }

    /// log2 of the number of distinct words.
    #[getter]
    fn entropy_bits_per_word(&self) -> f64 {
        self.0.entropy_bits_per_word()
    }

    fn __len__(&self) -> usize {
        self.0.len()
    }

    fn __getitem__(&self, index: usize) -> PyResult<&str> {
        self.0
            .get(index)
            .ok_or_else(|| pyo3::exceptions::PyIndexError::new_err("word index out of range"))
    }

    fn __repr__(&self) -> String {
        format!("<WordList of {} words>", self.0.len())
    }
}

/// The passphrase recipe for arguments other than the defaults.
fn passphrase_generator(
    words: usize,
    wordlist: Option<&Bound<'_, PyAny>>,
    separator: &str,
    capitalize: bool,
) -> PyResult<PassphraseGenerator> {
    let builder = match wordlist {
        None => PassphraseBuilder::new(),
        Some(list) => match list.cast::<WordList>() {
            Ok(list) => PassphraseBuilder::with_word_list(list.get().0.clone()),
            Err(_) => PassphraseBuilder::with_word_list(WordList::new(list)?.0),
        },
    };
    builder
        .words(words)
        .separator(separator)
        .capitalize(capitalize)
        .build()
        .map_err(|e| PyValueError::new_err(e.to_string()))
}

/// A passphrase: `words` words drawn uniformly from `wordlist` (the EFF large list
/// by default: 6 words are 77.5 bits), joined by `separator`.
///
/// `wordlist` is a `WordList` or an iterable of str. The default recipe's generator
/// is kept per thread; for another list, hold a `Passphrase`.
#[pyfunction]
#[pyo3(signature = (words=6, *, wordlist=None, separator=" ", capitalize=false))]
fn passphrase<'py>(
    py: Python<'py>,
    words: usize,
    wordlist: Option<&Bound<'py, PyAny>>,
    separator: &str,
    capitalize: bool,
) -> PyResult<Bound<'py, PyString>> {
    let wordlist = wordlist.filter(|w| !w.is_none());
    let secret = if wordlist.is_none() && separator == " " && !capitalize {
        rsecrets::passphrase(words).map_err(errors::recipe)?
    } else {
        passphrase_generator(words, wordlist, separator, capitalize)?
            .generate(&mut rsecrets::rng())
            .map_err(errors::core)?
    };
    Ok(PyString::new(py, &secret))
}

/// A passphrase recipe, checked once: `generate()` draws a passphrase;
/// `entropy_bits` is words x log2(distinct words). Takes the arguments of
/// `passphrase()`.
#[pyclass(frozen, module = "rsecrets")]
struct Passphrase(PassphraseGenerator);

#[pymethods]
impl Passphrase {
    #[new]
    #[pyo3(signature = (words=6, *, wordlist=None, separator=" ", capitalize=false))]
    fn new(
        words: usize,
        wordlist: Option<&Bound<'_, PyAny>>,
        separator: &str,
        capitalize: bool,
    ) -> PyResult<Self> {
        let wordlist = wordlist.filter(|w| !w.is_none());
        passphrase_generator(words, wordlist, separator, capitalize).map(Passphrase)
    }

    /// A new passphrase.
    fn generate<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyString>> {
        let secret = self
            .0
            .generate(&mut rsecrets::rng())
            .map_err(errors::core)?;
        Ok(PyString::new(py, &secret))
    }

    /// words x log2(distinct words in the list).
    #[getter]
    fn entropy_bits(&self) -> f64 {
        self.0.entropy_bits()
    }

    /// The number of words.
    #[getter]
    fn words(&self) -> usize {
        self.0.words()
    }

    /// The separator between words.
    #[getter]
    fn separator(&self) -> &str {
        self.0.separator()
    }

    fn __repr__(&self) -> String {
        format!(
            "Passphrase(words={}, separator={:?}, entropy_bits={:.1})",
            self.0.words(),
            self.0.separator(),
            self.0.entropy_bits()
        )
    }
}

/// A numeric code of `digits` decimal digits, leading zeros kept, uniform over all
/// 10**digits codes.
#[pyfunction]
#[pyo3(signature = (digits=6))]
fn pin(py: Python<'_>, digits: usize) -> PyResult<Bound<'_, PyString>> {
    let secret = rsecrets::pin(digits).map_err(errors::recipe)?;
    Ok(PyString::new(py, &secret))
}

/// The entropy of a PIN of `digits` digits: digits x log2(10).
#[pyfunction]
fn pin_entropy_bits(digits: usize) -> f64 {
    pin_bits(digits)
}

/// `base` followed by `token_urlsafe()` (CPython's password-reset recipe), or with
/// `param` as a query parameter (`?param=` or `&param=`, whichever `base` needs).
#[pyfunction]
#[pyo3(signature = (base, param=None))]
fn reset_url<'py>(
    py: Python<'py>,
    base: &str,
    param: Option<&str>,
) -> PyResult<Bound<'py, PyString>> {
    let url = rsecrets::reset_url(base, param).map_err(errors::recipe)?;
    Ok(PyString::new(py, &url))
}

/// An API key in GitHub's scheme: `prefix_` + 30 random base62 characters + a
/// 6-character CRC-32 checksum (178.6 bits). Store `hashlib.sha256(key.encode())`.
#[pyfunction]
fn api_key<'py>(py: Python<'py>, prefix: &str) -> PyResult<Bound<'py, PyString>> {
    let key = rsecrets::api_key(prefix).map_err(errors::recipe)?;
    Ok(PyString::new(py, key.as_str()))
}

/// Checks an API key's shape and checksum (and its prefix, when given) without a
/// database lookup; returns the prefix, or raises ValueError saying what is wrong.
#[pyfunction]
#[pyo3(signature = (key, prefix=None))]
fn check_api_key<'a>(key: &'a str, prefix: Option<&str>) -> PyResult<&'a str> {
    ApiKey::check(key, prefix).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// A time-ordered (version 7) UUID: the Unix time in milliseconds, then 74 random
/// bits; strictly increasing within the process, even within one millisecond.
#[pyfunction]
fn uuid7(py: Python<'_>) -> Bound<'_, PyString> {
    PyString::new(py, &rsecrets::uuid7())
}

/// An id as nanoid makes it: 21 characters of `A-Za-z0-9-_`, 126 bits.
#[pyfunction]
fn token_id(py: Python<'_>) -> Bound<'_, PyString> {
    PyString::new(py, &rsecrets::token_id())
}

/// `length` characters drawn uniformly from `alphabet` (2 or more distinct
/// characters, any Unicode): length x log2(len(alphabet)) bits.
#[pyfunction]
#[pyo3(signature = (alphabet, length=21))]
fn token_alphabet<'py>(
    py: Python<'py>,
    alphabet: &str,
    length: usize,
) -> PyResult<Bound<'py, PyString>> {
    let id = rsecrets::token_alphabet(alphabet, length)
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(PyString::new(py, &id))
}

/// `nbytes` random bytes (32 when None) in RFC 4648 base32, upper case, no padding
/// (what authenticator apps take for TOTP secrets), or Crockford's base32.
#[pyfunction]
#[pyo3(signature = (nbytes=None, *, crockford=false))]
fn token_base32(
    py: Python<'_>,
    nbytes: Option<usize>,
    crockford: bool,
) -> PyResult<Bound<'_, PyString>> {
    let token = if crockford {
        rsecrets::token_base32_crockford(nbytes)
    } else {
        rsecrets::token_base32(nbytes)
    };
    Ok(PyString::new(py, &token.map_err(errors::core)?))
}

/// `nbytes` random bytes (32 when None) in standard base64 with padding, one line.
#[pyfunction]
#[pyo3(signature = (nbytes=None))]
fn token_base64(py: Python<'_>, nbytes: Option<usize>) -> PyResult<Bound<'_, PyString>> {
    let token = rsecrets::token_base64(nbytes).map_err(errors::core)?;
    Ok(PyString::new(py, &token))
}
