/** A small questionnaire covering the shapes the API tests need, independent of the bundled one. */
export const miniSurvey = {
  title: { default: 'Mini survey', fi: 'Minikysely', sv: 'Minienkät' },
  pages: [
    {
      name: 'p1',
      elements: [
        {
          type: 'dropdown',
          name: 'sector',
          isRequired: true,
          choices: ['hospital', 'primary_care', 'other'],
        },
        {
          type: 'radiogroup',
          name: 'knowledge_border',
          isRequired: true,
          choices: ['true', 'false', 'dont_know'],
          correctAnswer: 'false',
        },
        { type: 'rating', name: 'confidence', rateMin: 1, rateMax: 5 },
        { type: 'checkbox', name: 'topics', choices: ['indicators', 'referral', 'law'] },
        { type: 'comment', name: 'comment', maxLength: 200 },
      ],
    },
  ],
}

export const validMiniAnswers = {
  sector: 'hospital',
  knowledge_border: 'false',
  confidence: 4,
  topics: ['indicators', 'law'],
  comment: 'Tarvitsemme koulutusta.',
}
