//! The settings of cross-story deduplication, checked by a builder.

use crate::error::{Error, Result};

/// How much of the CAMEO event code two reports must share to be one event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum CodeLevel {
    /// The two-digit root (`04` consult): "met" and "held talks" are one event.
    #[default]
    Root,
    /// The first three digits (`042` make a visit).
    Three,
    /// The whole code.
    Full,
}

impl CodeLevel {
    /// The part of `cameo` that must match at this level.
    pub fn prefix(self, cameo: &str) -> &str {
        let len = match self {
            CodeLevel::Root => 2,
            CodeLevel::Three => 3,
            CodeLevel::Full => cameo.len(),
        };
        cameo.get(..len.min(cameo.len())).unwrap_or(cameo)
    }
}

impl std::str::FromStr for CodeLevel {
    type Err = Error;
    fn from_str(s: &str) -> Result<CodeLevel> {
        match s {
            "root" => Ok(CodeLevel::Root),
            "3" | "three" | "3-digit" => Ok(CodeLevel::Three),
            "full" => Ok(CodeLevel::Full),
            _ => Err(Error::Config(format!(
                "unknown CAMEO level '{s}' (root, 3, full)"
            ))),
        }
    }
}

/// How the agent part of an actor code (`GOV` in `FRAGOV`) must match.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum AgentMatch {
    /// The whole actor code must be equal: `FRA` and `FRAGOV` are different actors.
    Exact,
    /// A bare country code (`FRA`, no agent) also matches that country with one agent
    /// (`FRAGOV`); two different agents (`FRAGOV`, `FRAMIL`) still do not match. The
    /// default: "France said" and "the French government said" are one actor far more often
    /// than not (docs/dedup.md, evaluation).
    #[default]
    Generalize,
}

impl std::str::FromStr for AgentMatch {
    type Err = Error;
    fn from_str(s: &str) -> Result<AgentMatch> {
        match s {
            "exact" => Ok(AgentMatch::Exact),
            "generalize" => Ok(AgentMatch::Generalize),
            _ => Err(Error::Config(format!(
                "unknown agent matching '{s}' (exact, generalize)"
            ))),
        }
    }
}

/// How events are grouped into clusters; see `docs/dedup.md` for each setting.
#[derive(Clone, Debug, PartialEq)]
pub struct DedupConfig {
    pub(crate) level: CodeLevel,
    pub(crate) window_days: u32,
    pub(crate) min_similarity: f64,
    pub(crate) agents: AgentMatch,
}

impl Default for DedupConfig {
    fn default() -> DedupConfig {
        DedupConfig {
            level: CodeLevel::Root,
            window_days: 1,
            min_similarity: DEFAULT_MIN_SIMILARITY,
            agents: AgentMatch::Generalize,
        }
    }
}

/// The default evidence threshold, chosen on the constructed evaluation set (docs/dedup.md).
pub const DEFAULT_MIN_SIMILARITY: f64 = 0.2;

/// The longest date window accepted: a year. Longer windows merge unrelated events.
pub const MAX_WINDOW_DAYS: u32 = 366;

impl DedupConfig {
    /// A builder starting from the defaults (root level, ±1 day, threshold 0.2, agents
    /// generalized).
    pub fn builder() -> DedupConfigBuilder {
        DedupConfigBuilder {
            config: DedupConfig::default(),
        }
    }

    /// The CAMEO level that must match.
    pub fn level(&self) -> CodeLevel {
        self.level
    }

    /// How many days an event may lie after its cluster's first event.
    pub fn window_days(&self) -> u32 {
        self.window_days
    }

    /// The least evidence similarity (0–1) between reports with different full codes.
    pub fn min_similarity(&self) -> f64 {
        self.min_similarity
    }

    /// How actor agents must match.
    pub fn agents(&self) -> AgentMatch {
        self.agents
    }
}

/// Builds a [`DedupConfig`]; [`DedupConfigBuilder::build`] checks the values.
///
/// ```
/// use demarche::dedup::{CodeLevel, DedupConfig};
///
/// let config = DedupConfig::builder()
///     .level(CodeLevel::Three)
///     .window_days(2)
///     .min_similarity(0.0)
///     .build()?;
/// assert_eq!(config.window_days(), 2);
/// assert!(DedupConfig::builder().min_similarity(1.5).build().is_err());
/// # Ok::<(), demarche::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct DedupConfigBuilder {
    config: DedupConfig,
}

impl DedupConfigBuilder {
    /// The CAMEO level that must match (default root).
    pub fn level(mut self, level: CodeLevel) -> DedupConfigBuilder {
        self.config.level = level;
        self
    }

    /// Days an event may lie after the first event of its cluster (default 1, at most 366).
    pub fn window_days(mut self, days: u32) -> DedupConfigBuilder {
        self.config.window_days = days;
        self
    }

    /// The least evidence similarity between two reports whose full codes differ (0–1).
    pub fn min_similarity(mut self, threshold: f64) -> DedupConfigBuilder {
        self.config.min_similarity = threshold;
        self
    }

    /// How actor agents must match (default [`AgentMatch::Generalize`]).
    pub fn agents(mut self, agents: AgentMatch) -> DedupConfigBuilder {
        self.config.agents = agents;
        self
    }

    /// The configuration, or [`Error::Config`] for a value out of range.
    pub fn build(self) -> Result<DedupConfig> {
        let c = self.config;
        if c.window_days > MAX_WINDOW_DAYS {
            return Err(Error::Config(format!(
                "dedup window of {} days is longer than {MAX_WINDOW_DAYS}",
                c.window_days
            )));
        }
        if !(0.0..=1.0).contains(&c.min_similarity) {
            return Err(Error::Config(format!(
                "dedup similarity threshold {} is not between 0 and 1",
                c.min_similarity
            )));
        }
        Ok(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_cut_the_code() {
        for (level, code, want) in [
            (CodeLevel::Root, "1041", "10"),
            (CodeLevel::Three, "1041", "104"),
            (CodeLevel::Full, "1041", "1041"),
            (CodeLevel::Three, "04", "04"),
            (CodeLevel::Root, "", ""),
        ] {
            assert_eq!(level.prefix(code), want, "{level:?} {code}");
        }
    }

    #[test]
    fn level_names_parse_and_bad_ones_are_errors() {
        assert_eq!("root".parse::<CodeLevel>().unwrap(), CodeLevel::Root);
        assert_eq!("3".parse::<CodeLevel>().unwrap(), CodeLevel::Three);
        assert_eq!("full".parse::<CodeLevel>().unwrap(), CodeLevel::Full);
        assert_eq!(
            "generalize".parse::<AgentMatch>().unwrap(),
            AgentMatch::Generalize
        );
        assert!("loose".parse::<AgentMatch>().is_err());
        let e = "leaf".parse::<CodeLevel>().unwrap_err().to_string();
        assert!(e.contains("leaf"), "{e}");
    }

    #[test]
    fn out_of_range_values_are_rejected() {
        assert!(DedupConfig::builder().window_days(367).build().is_err());
        assert!(DedupConfig::builder().min_similarity(-0.1).build().is_err());
        assert!(DedupConfig::builder()
            .min_similarity(f64::NAN)
            .build()
            .is_err());
        assert_eq!(
            DedupConfig::builder().build().unwrap(),
            DedupConfig::default()
        );
    }
}
