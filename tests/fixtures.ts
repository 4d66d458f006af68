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

/** Every quiz item of the bundled counter-trafficking questionnaire answered correctly. */
export const allCorrectBundledAnswers = {
  sector: 'primary_health_care',
  profession: 'public_health_nurse',
  region: 'pohjois_karjala',
  knowledge_border: 'false',
  knowledge_consent: 'true',
  knowledge_children: 'true',
  knowledge_labour: 'true',
  knowledge_debt: 'true',
  knowledge_deception: 'false',
  knowledge_own_country: 'false',
  knowledge_certainty: 'false',
  indicators: [
    'injuries_unexplained',
    'companion_speaks_for_patient',
    'no_own_documents',
    'fear_anxiety',
    'debt_to_employer',
    'lives_at_workplace',
    'very_long_hours',
    'inconsistent_story',
    'unknown_own_address',
  ],
  knows_where_to_refer: 'yes',
  knowledge_referral: 'assistance_system',
  met_possible_victim: 'no',
  confidence_identify: 4,
  confidence_help: 3,
  training_received: 'none',
  training_topics_needed: ['indicators', 'referral'],
}
