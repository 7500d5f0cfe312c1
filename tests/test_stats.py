import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nps_kit import stats

counts = st.integers(min_value=0, max_value=5000)


def test_interval_matches_hand_computation_of_rocks_2016():
    # 50 promoters, 30 passives, 20 detractors: add ¾, 1½, ¾ pseudo-responses (n = 103).
    p_pro, p_det = 50.75 / 103, 20.75 / 103
    centre = p_pro - p_det
    se = math.sqrt((p_pro + p_det - centre**2) / 103)
    z = 1.959963984540054
    got = stats.nps_interval(50, 30, 20)
    assert got.low == pytest.approx(100 * (centre - z * se))
    assert got.high == pytest.approx(100 * (centre + z * se))
    assert got.low == pytest.approx(14.0511, abs=1e-3)
    assert got.high == pytest.approx(44.2013, abs=1e-3)


def test_level_widens_interval():
    narrow = stats.nps_interval(40, 40, 20, level=0.80)
    wide = stats.nps_interval(40, 40, 20, level=0.99)
    assert wide.low < narrow.low < narrow.high < wide.high


def test_empty_group_has_no_interval():
    got = stats.nps_interval(0, 0, 0)
    assert math.isnan(got.low) and math.isnan(got.high)


def test_bounds_are_clipped_and_contain_extreme_estimates():
    all_promoters = stats.nps_interval(1, 0, 0)
    assert all_promoters.high == 100.0
    assert all_promoters.low < 100.0
    all_detractors = stats.nps_interval(0, 0, 200)
    assert all_detractors.low == -100.0


def test_invalid_level_is_rejected():
    with pytest.raises(ValueError, match="level must be between 0 and 1"):
        stats.z_critical(1.5)


@given(counts, counts, counts, st.sampled_from([0.8, 0.9, 0.95, 0.99]))
def test_interval_contains_estimate_and_stays_in_range(pro, pas, det, level):
    total = pro + pas + det
    interval = stats.nps_interval(pro, pas, det, level=level)
    if total == 0:
        assert math.isnan(interval.low)
        return
    estimate = 100 * (pro - det) / total
    assert -100 <= interval.low <= estimate <= interval.high <= 100


@given(counts, counts, counts)
def test_weighted_counts_with_unit_weights_equal_unweighted(pro, pas, det):
    total = pro + pas + det
    plain = stats.nps_interval(pro, pas, det)
    weighted = stats.nps_interval(float(pro), float(pas), float(det), n_eff=float(total))
    assert plain == weighted or (math.isnan(plain.low) and math.isnan(weighted.low))


def test_kish_effective_n():
    assert stats.kish_effective_n([1, 1, 1, 1]) == 4
    assert stats.kish_effective_n([2, 2, 2]) == pytest.approx(3)
    assert stats.kish_effective_n([1, 0, 0, 0]) == 1
    assert stats.kish_effective_n([]) == 0
    # Unequal weights lose information: n_eff below n.
    assert stats.kish_effective_n([1, 3, 1, 3]) == pytest.approx(64 / 20)


def _adjusted_by_hand(pro, pas, det):
    n = pro + pas + det + 3
    a_pro, a_det = (pro + 0.75) / n, (det + 0.75) / n
    return a_pro - a_det, (a_pro + a_det - (a_pro - a_det) ** 2) / n


def test_diff_test_known_values():
    # Two samples of 200: NPS 30 vs 10. The test inverts the adjusted-Wald interval shown.
    test = stats.diff_test((100, 60, 40), (80, 60, 60))
    assert float(test.diff) == pytest.approx(20.0)
    est_a, var_a = _adjusted_by_hand(100, 60, 40)
    est_b, var_b = _adjusted_by_hand(80, 60, 60)
    se = math.sqrt(var_a + var_b)
    z = (est_a - est_b) / se
    assert float(test.z) == pytest.approx(z)
    assert float(test.p_value) == pytest.approx(math.erfc(z / math.sqrt(2)))
    assert float(test.ci_low) == pytest.approx(100 * (est_a - est_b - 1.959963984540054 * se))
    assert float(test.ci_high) == pytest.approx(100 * (est_a - est_b + 1.959963984540054 * se))


def test_diff_test_unanimous_samples_are_defined():
    same = stats.diff_test((10, 0, 0), (5, 0, 0))
    # Observed difference 0: the interval contains 0 at every level, so p = 1.
    assert float(same.diff) == 0 and float(same.p_value) == 1
    opposite = stats.diff_test((40, 0, 0), (0, 0, 40))
    assert float(opposite.diff) == 200
    assert float(opposite.p_value) < 1e-6
    assert float(opposite.ci_low) > 100


def test_diff_test_with_an_empty_sample_is_undefined():
    test = stats.diff_test((10, 0, 0), (0, 0, 0))
    assert math.isnan(float(test.z)) and math.isnan(float(test.p_value))


def test_p_value_is_one_when_observed_and_adjusted_differences_disagree_in_sign():
    # 3 of 3 promoters (NPS 100, adjusted 50) against NPS 60 on 1,000 (adjusted 59.8): the
    # observed difference is +40, the adjusted one −9.8; the widened interval always holds 0.
    test = stats.diff_test((3, 0, 0), (700, 200, 100))
    assert float(test.diff) == pytest.approx(40.0)
    assert float(test.z) < 0
    assert float(test.p_value) == 1.0
    assert float(test.ci_low) < 0 < float(test.ci_high)


_NULL_CASES = [
    # The four measured cases of issue 17, then n = 20 … 1000 on equal samples.
    ((30, 30), (0.30, 0.40, 0.30)),
    ((50, 200), (0.20, 0.30, 0.50)),
    ((20, 40), (0.60, 0.30, 0.10)),
    ((500, 500), (0.33, 0.34, 0.33)),
    *[
        ((n, n), mix)
        for n in (20, 30, 50, 100, 200, 500, 1000)
        for mix in ((0.30, 0.40, 0.30), (0.60, 0.30, 0.10), (0.10, 0.30, 0.60), (0.80, 0.15, 0.05))
    ],
]


@pytest.mark.parametrize(("sizes", "mix"), _NULL_CASES)
def test_no_change_is_rarely_called_significant_and_verdict_follows_the_interval(sizes, mix):
    """Simulation: two samples from one distribution, 20,000 pairs per case.

    The verdict (interval excludes 0) is "significant" at most 5.5 % of the time (Monte-Carlo
    standard error 0.15 points, so 5.5 % is 3 standard errors over the nominal 5 %), and the
    p-value says "significant" for exactly the same pairs as the interval.
    """
    rng = np.random.default_rng(17)
    a = rng.multinomial(sizes[0], mix, size=20_000)
    b = rng.multinomial(sizes[1], mix, size=20_000)
    test = stats.diff_test((a[:, 0], a[:, 1], a[:, 2]), (b[:, 0], b[:, 1], b[:, 2]))
    significant = stats.verdict_of(test.ci_low, test.ci_high) != 0
    assert significant.mean() <= 0.055
    assert np.array_equal(significant, test.p_value < 0.05)


@settings(max_examples=300)
@given(counts, counts, counts, counts, counts, counts, st.sampled_from([0.8, 0.9, 0.95, 0.99]))
def test_verdict_and_p_value_agree_with_the_interval(pa, sa, da, pb, sb, db, level):
    test = stats.diff_test((pa, sa, da), (pb, sb, db), level=level)
    if pa + sa + da == 0 or pb + sb + db == 0:
        assert math.isnan(float(test.p_value))
        return
    low, high, p = float(test.ci_low), float(test.ci_high), float(test.p_value)
    assert low <= float(test.diff) <= high
    assert 0 <= p <= 1
    excludes_zero = low > 0 or high < 0
    # Identical except within rounding of the boundary itself.
    if abs(p - (1 - level)) > 1e-9:
        assert excludes_zero == (p < 1 - level)
    direction = int(stats.verdict_of(low, high))
    assert direction == (1 if low > 0 else -1 if high < 0 else 0)


def test_verdict_of_reads_the_interval():
    got = stats.verdict_of([1.0, -5.0, -1.0, np.nan, 0.0], [3.0, -0.1, 2.0, np.nan, 4.0])
    assert got.tolist() == [1, -1, 0, 0, 0]


def test_benjamini_hochberg_matches_hand_computation():
    # m = 5 sorted p: .01 .02 .03 .04 .20 → m p / rank = .05 .05 .05 .05 .20.
    got = stats.benjamini_hochberg([0.04, 0.01, 0.20, 0.03, 0.02])
    assert got == pytest.approx([0.05, 0.05, 0.20, 0.05, 0.05])
    # Monotone step-up: .01 .04 .045 → .03 .06 .045 → cumulative minimum from the top .03 .045 .045.
    assert stats.benjamini_hochberg([0.045, 0.01, 0.04]) == pytest.approx([0.045, 0.03, 0.045])
    with_nan = stats.benjamini_hochberg([np.nan, 0.01, 0.5])
    assert math.isnan(with_nan[0]) and with_nan[1:] == pytest.approx([0.02, 0.5])
    assert stats.benjamini_hochberg([]).shape == (0,)
    # One family per row.
    rows = stats.benjamini_hochberg([[0.04, 0.01, 0.20, 0.03, 0.02], [0.5, np.nan, 0.01, 1, 1]])
    assert rows[0] == pytest.approx([0.05, 0.05, 0.20, 0.05, 0.05])
    assert math.isnan(rows[1, 1])
    assert rows[1, [0, 2, 3, 4]] == pytest.approx([1.0, 0.04, 1.0, 1.0])


@given(st.lists(st.floats(min_value=0, max_value=1), min_size=1, max_size=30))
def test_benjamini_hochberg_never_lowers_a_p_value_and_keeps_order(p):
    adjusted = stats.benjamini_hochberg(p)
    assert np.all(adjusted >= np.asarray(p) - 1e-15) and np.all(adjusted <= 1)
    order = np.argsort(p, kind="stable")
    assert np.all(np.diff(adjusted[order]) >= -1e-15)


def test_control_limits_hand_computation():
    # Pooled over both periods: 150 promoters, 100 passives, 50 detractors of 300.
    centre, low, high = stats.control_limits([100, 50], [60, 40], [40, 10])
    p_pro, p_det = 0.5, 1 / 6
    v = p_pro + p_det - (p_pro - p_det) ** 2
    assert centre == pytest.approx(100 / 3)
    assert low == pytest.approx(
        [100 * (1 / 3 - 3 * math.sqrt(v / 200)), 100 * (1 / 3 - 3 * math.sqrt(v / 100))]
    )
    assert high == pytest.approx(
        [100 * (1 / 3 + 3 * math.sqrt(v / 200)), 100 * (1 / 3 + 3 * math.sqrt(v / 100))]
    )
    weighted = stats.control_limits([100, 50], [60, 40], [40, 10], n_eff=[50, 100], sigmas=2)
    assert weighted[1][0] == pytest.approx(100 * (1 / 3 - 2 * math.sqrt(v / 50)))
    empty = stats.control_limits([0], [0], [0])
    assert math.isnan(empty[0]) and math.isnan(empty[1][0])


@pytest.mark.parametrize("n", [20, 50, 100, 200, 500])
@pytest.mark.parametrize(
    "mix",
    [(0.20, 0.30, 0.50), (0.45, 0.35, 0.20), (0.70, 0.20, 0.10), (0.10, 0.30, 0.60)],
    ids=["negative", "mid", "high", "very-negative"],
)
def test_interval_coverage_is_close_to_nominal(n, mix):
    """Simulation: 95 % intervals contain the true NPS about 95 % of the time.

    4,000 draws per case give a Monte-Carlo standard error of about 0.34 points, so the band
    [93 %, 97 %] is about ±6 standard errors: stable with the fixed seed and still strict enough
    to catch a wrong variance (the plain Wald interval drops below 93 % at n = 20).
    """
    rng = np.random.default_rng(20261123)
    p_pro, p_pas, p_det = mix
    draws = rng.multinomial(n, [p_pro, p_pas, p_det], size=4000)
    low, high = stats.nps_interval_array(draws[:, 0], draws[:, 1], draws[:, 2])
    true = 100 * (p_pro - p_det)
    coverage = np.mean((low <= true) & (true <= high))
    assert 0.93 <= coverage <= 0.97, coverage
