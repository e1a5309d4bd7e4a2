// Source: ../shared/seeds/004_a7a0fb7ff824f039.txt, « Comité de pilotage » (lines 197-208), PROSMED's quarterly
// report for October–December 2023; the committee's members from the programme document,
// ../shared/seeds/003_a95ab229855d4389.txt lines 4740-4764. The report names the participants by group and
// the two things the committee validated; it records no recommendation, owner or due date.
import type { GovernanceDocumentInput } from '../../../core/contracts/finance/governance.js';

export const prosmedGovernance: GovernanceDocumentInput = {
  meetings: [
    {
      body: 'steering_committee',
      number: 3,
      date: '2023-12-15',
      title: { fr: '3ème Comité de pilotage du PROSMED', en: '3rd PROSMED Steering Committee' },
      location: 'Maison Commune des Nations Unies, Bamako',
      participants: [
        'Partenaires de mise en œuvre',
        'Partenaires financiers',
        'Ministères bénéficiaires du programme',
      ],
      documents: [
        { title: 'Plan d’action 2024 du PROSMED' },
        { title: 'Conclusions de l’évaluation à mi-parcours du PROSMED' },
      ],
      summary: {
        fr: "Le Comité de Pilotage est l'organe d'orientation et de décision stratégique du programme pour dégager une vision commune et bâtir un consensus sur les actions prioritaires à entreprendre. Cette réunion a permis de faire un état des lieux sur les activités réalisées en 2023 en faveur de la paix, de la stabilité et de l'État de droit au Mali et de valider le plan d'action 2024 du PROSMED. Il a aussi permis de présenter et de valider les conclusions de l'évaluation à mi-parcours du PROSMED.",
        en: "The Steering Committee is the programme's strategic guidance and decision body, to build a shared vision and a consensus on the priority actions. This meeting reviewed the activities carried out in 2023 for peace, stability and the rule of law in Mali and validated PROSMED's 2024 action plan. It also presented and validated the conclusions of PROSMED's mid-term evaluation.",
      },
      items: [
        {
          kind: 'decision',
          number: 1,
          text: {
            fr: 'Le plan d’action 2024 du PROSMED est validé.',
            en: 'PROSMED’s 2024 action plan is validated.',
          },
          status: 'implemented',
          statusDate: '2023-12-15',
        },
        {
          kind: 'decision',
          number: 2,
          text: {
            fr: 'Les conclusions de l’évaluation à mi-parcours du PROSMED sont validées.',
            en: 'The conclusions of PROSMED’s mid-term evaluation are validated.',
          },
          status: 'implemented',
          statusDate: '2023-12-15',
        },
      ],
    },
  ],
};
