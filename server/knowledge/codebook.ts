/** How each knowledge figure is computed: for the codebook and the knowledge exports. */
export const KNOWLEDGE_FIGURES: readonly { figure: string; definition: string }[] = [
  {
    figure: 'score',
    definition:
      'Number of quiz items (questions with a correct answer) answered correctly; a matrix counts as one item, correct when every row is. A checkbox question with "scoring": "per-option" is one item per choice, named question.choice, correct when the choice is ticked exactly if it belongs to the correct answer (nothing ticked: all wrong). Respondents shown no quiz item have no score.',
  },
  {
    figure: 'score_mean, score_sd, score ci',
    definition:
      "Mean, sample standard deviation (n - 1) and 95 % interval of the score as R's t.test(score)$conf.int; no interval when n < 2 or sd = 0.",
  },
  {
    figure: 'score_bin',
    definition:
      'Respondents per score bin. Bins are cut from 0 upwards where the release total reaches the minimum group size (one partition for every group). A bin with fewer than k respondents is not shown, and further bins are hidden so that what is hidden in a group, or in a bin across groups, is 0 or at least k respondents.',
  },
  {
    figure: 'item n, correct, share, ci',
    definition:
      "Respondents shown the item, how many answered it correctly, the share, and its 95 % Wilson score interval as R's prop.test(correct, n, correct = FALSE)$conf.int.",
  },
  {
    figure: 'discrimination',
    definition:
      'Corrected item-total correlation: Pearson correlation of the item (0/1) with the score without that item, over respondents shown the item. Below 0.2 the item is flagged as discriminating badly.',
  },
  {
    figure: 'kr20, alpha_if_deleted',
    definition:
      "KR-20: Cronbach's alpha of the 0/1 item matrix, k/(k - 1) (1 - sum of item variances / variance of the score), both variances with n - 1 (psych's raw_alpha); alpha if deleted: the same without the item. Over respondents shown every item; not given below 30 respondents or 3 items.",
  },
  {
    figure: 'rating_mean_score',
    definition:
      'For each value of the self-rating question (survey-level "selfRating"): respondents giving it, their mean score and its t.test interval. Values with fewer than k respondents are hidden, with complements as for score bins (not answering counts as hidden).',
  },
  {
    figure: 'spearman',
    definition:
      'Spearman rank correlation between the self-rating and the score, as cor(rating, score, method = "spearman"), over respondents with both.',
  },
  {
    figure: 'kruskal_wallis',
    definition:
      "Kruskal-Wallis test of the score across the shown groups (hidden groups are left out), as R's kruskal.test() with its tie correction: H, df = groups - 1, p.",
  },
  {
    figure: 'baseline_difference',
    definition:
      "Share correct minus the baseline's share (PUT .../baseline), its 95 % interval and p as prop.test(c(correct, baseline correct), c(n, baseline n), correct = FALSE).",
  },
]
