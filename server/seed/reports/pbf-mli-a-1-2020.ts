// Source: ../shared/seeds/002_6cb97654ebd60b69.txt (rapport annuel 2020 PBF/MLI/A-1).
// The extraction lost the outcome ratings (dropdowns) and the yes/no answers of Part III; they are null.
import type { ReportDocumentInput } from '../../../core/contracts/report.js';

export const pbfMliA1Report2020: ReportDocumentInput = {
  programme: 'PBF/MLI/A-1',
  template: { id: 'pbf-progress', version: '2020' },
  type: 'annual',
  year: 2020,
  status: 'approved',
  frameworkVersion: 1,
  content: {
    fields: {
      implementation_rate: 20,
      gender_budget_spent: 269854.82,
      prepared_by: 'PAM',
      approved_by: 'FAO, OIM',
      secretariat_reviewed: true,
      overall_status:
        "Les préparations pour la mise en œuvre du projet ont débuté en février 2020. Une rencontre a eu lieu avec le Ministère de la Cohésion sociale pour l’impliquer dans le plan de mise en œuvre, qui a été approuvé en mars 2020. Fin mars, l'impact du COVID-19 a commencé à se faire sentir, le gouvernement mettant en place des mesures de contention qui ont affecté la mise en œuvre du projet, particulièrement de la planification communautaire participative (PCP) et de l’enquête de base. Les PCP ont été retardées aussi en raison de l’occupation des communautés pendant les travaux champêtres de saison de pluie, de juin à octobre. Les TdR de l’enquête de base sont en processus de finalisation et validation.\nLes agences ont répondu à l’évolution de la situation en demandant au PBSO en mai 2020 une révision des activités pour en inclure quelques-unes autour du COVID-19, qui ont démarré immédiatement. Des formations sur le projet et la gestion des conflits, l’appui à l’élaboration/actualisation des Plans de Développement Social, Economique, et Culturel (PDSEC), les formations et la mise en place des clubs DIMITRA, et les préparations pour les projets de résilience communautaires ont aussi démarré. Les agences ont mis en place des mesures générales d’adaptation des activités au COVID-19, en gardant les activités prévues dans leur entièreté dans le cadre du projet.\nLes agences ont aussi continué les communications mensuelles pour accélérer la reprise des activités sur le terrain et pour mettre à jour la mise en œuvre. Un plan d’actions pour la période d’octobre à décembre 2020 a été extrait du plan global, en assurant le démarrage effectif du reste des activités sur le terrain. Les critères de sélection des bénéficiaires par les agences ont été validés en octobre 2020. Une réunion de mise à jour avec le Ministère de la Cohésion social a eu lieu fin octobre. Il a été retenu de procéder au lancement conjoint du projet fin novembre 2020 à Ségou.",
      upcoming_events:
        '· Finaliser et valider les TdR, et procéder au lancement du projet.\n· Finaliser et valider les TdR, et démarrer l’enquête de base.\n· Réaliser les PCP, et démarrer les activités de résilience communautaires sur leur base.\n· Continuer les formations sur le cycle des projets, ainsi comme sur la gestion non violente des conflits.\n· Continuer à appuyer l’élaboration/actualisation des plans d’action des PDSEC.\n· Démarrer les formations sur le développement de stratégies locales et le dialogue intra et intercommunautaire, et appuyer à l’organisation de cadres de concertation sur ces sujets.\n· Mener une enquête d’identification des mécanismes traditionnels de gestion des conflits et organiser des ateliers de partage et de validation des résultats.\n· Démarrer l’évaluation des besoins socio-économiques des retournés et déplacés.\n· Finaliser les activités de formation et sensibilisation contre la propagation du COVID-19 et continuer à appuyer les autorités sanitaires dans certains cordons sanitaires non fonctionnels.\n· Continuer à former les agents des ONG et des radios communautaires sur l’approche DIMITRA, et les communautés sur la gestion participative des clubs.\n· Continuer à mettre en place les clubs DIMITRA.\n· Mettre en contact les partenaires de mise en œuvre des trois agences pour une synergie d’action et une collaboration efficace sur le terrain.',
      monitoring:
        'Le suivi du projet a été réalisé à travers de réunions mensuelles au niveau Bamako depuis le début du projet, et de réunions mensuelles au niveau de terrain depuis octobre 2020. Pour le lancement du projet, des TdR ont été élaborés et sont en train d’être finalisés et approuvés. Une étude de base a été prévue dès novembre 2020, et des TdR sont aussi en train d’être finalisés et validés.\nAligné avec le cadre des mesures préventives prises par les autorités maliennes pour réduire le risque de propagation du COVID-19 et les lignes directrices développées par les agences pour la réponse au COVID-19, le portefeuille de suivi et évaluation a été adapté. Seules les activités minimales de suivi et évaluation sont actuellement menées, et les activités plus complexes à mettre en œuvre, telles que l’enquête de base ont été reportés jusqu’à décembre 2020 ou janvier 2021.',
      baselines_exist: { answer: null, text: '' },
      perception_surveys: {
        answer: null,
        text: 'comme telles, mais l’enquête d’identification des mécanismes traditionnels de gestion des conflits prévue peut faciliter de documenter et comprendre les perceptions communautaires sur les conflits et enjeux de cohésion sociale',
      },
      evaluation_conducted: { answer: null, text: '' },
      final_evaluation_budget: 105000,
      catalytic_funding: { rows: [] },
      other:
        'Dans le cadre de ce projet, l’objectif de réduire le risque de transmission du COVID-19 et limiter les risques de protection, concerne en particulier les activités essentielles à mettre en œuvre dès le début du projet, notamment la PCP. Comme la plupart des activités dépendent de cette PCP, le projet a pris des retards dans sa mise en œuvre.\nDans le cadre des réallocations accordée par PBSO en mai et septembre 2020, l’urgence a été de renforcer les activités de sensibilisation contre la propagation du COVID-19, spécifiquement dans les communes ciblées et d’autres avec une forte présence de PDIs–retournées, ainsi que les communautés d’accueil. Le projet a aussi appuyé les autorités sanitaires dans l’activation de certains cordons sanitaires non fonctionnels, et la mise en place et le renforcement de capacité des comités mixtes et multifonctions pour intervenir dans la gestion des tensions et sensibiliser sur la propagation du COVID-19.',
      covid_financial_adjustments: 55000,
      covid_non_financial_adjustments:
        'Des nouvelles activités centrées sur la réponse COVID-19 ont été approuvées en mai 2020. OIM s’est engagé à les mettre en œuvre (2.1.1)\u00a0:\n· Formation des relais communautaires, leaders religieux et traditionnels sur les modes de prévention à la propagation du COVID-19 dans les communautés, et sensibilisation des populations hôtes sur le COVID-19 dans les cercles à forte concentration de PDIs et retournées (Bandiagara et Macina). 150 personnes ont été formées, dont les agents de santé communautaire, les relais communautaires, les tradi-thérapeutes et les leaders religieux. Les sessions formation pour la région de Ségou (cercle de Macina) ont eu lieu du 6 au 13 novembre 2020.\n· Mise en place et renforcement de capacité des comités mixtes et multifonctions, composés de PDIs, retournées et population hôte, pour non seulement prévenir et gérer les conflits intra et intercommunautaires, mais aussi servir de relais auprès des autorités sanitaires pour sensibiliser leurs communautés respectives à la prévention du COVID-19. Cette activité, est aussi planifiée pour le mois de novembre 2020, après les dernières sessions des agents de santé communautaires et les autres groupes ciblés pour la région de Ségou.\n· Appui à l’opérationnalisation de certains cordons sanitaires non fonctionnels. Au niveau de cette activité, OIM en partenariat et appui auprès de la DRS de Mopti à travers un contrat, a pu opérationnaliser depuis fin octobre 2020 cinq cordons sanitaires situés aux points de passage stratégiques. Ces cordons sanitaires fonctionneront de façon autonome pour les trois mois qui vont suivre. Ils sont localisés dans les cercles de Koro, Douentza, Djenné et Mopti, au niveau de l’aéroport. Ces cordons sanitaires jouent un rôle déterminant dans les activités de surveillance épidémiologique, de référencement en cas de suspicion, et de sensibilisation des personnes traversant ces cordons sanitaires.\nEn plus, des mesures de prévention du COVID-19 ont été mises en place par les autres agences et seront révisés conformément aux directrices du gouvernement et des Nations Unies :\n· Générales\u00a0: réaliser des formations initiales nécessaires sur les mesures barrières et d’hygiène pour toutes les activités, réduire le nombre de participants, utiliser des espaces extérieures, assurer une distanciation entre les participants, et la mise en place des dispositifs pour le lavage des mains.\n· Côté FAO, dans le cadre des activités des clubs DIMITRA, dix séances d’animation sur le COVID-19 ont été effectuées avec une participation de 418 personnes, dont 233 femmes, dans les neuf villages ciblés des communes de Doucoumbo et Kendié.\n· Côté PAM, les activités de résilience communautaires sur la base des PCP, ont été adaptés au contexte actuel\u00a0(directives COVID-19 partagées avec les partenaires de mise en œuvre):\n· L’acquisition des matériels et la contractualisation des partenaires ont été toujours faits, même pendant la période de restrictions COVID-19.\n· Les grands ouvrages seront en attente au profit des actifs qui ne nécessitent pas le regroupement de plus de 50 personnes, selon PCP.\n· Les équipes de travail seront divisées en brigades de 4-5 personnes, tous les tâches seront organisées au préalable, et tous les sites seront équipés avec des matériaux de protection personale.\n· La sensibilisation et formation sera effectué aux superviseurs de site et aux chefs d’équipe (et ces aux animateurs/leaders de brigade).',
      covid_categories: { selected: [] },
      covid_success_story:
        'L’initiative et la flexibilité du PBSO sont saluées sur le terrain d’abord par les agences, qui mettent en œuvre ce projet, par les partenaires gouvernementaux, qui depuis les premiers jours se sont résolument engagés à lutter contre la propagation du COVID-19, et enfin, par les bénéficiaires, qui en dépit de leur vulnérabilité et leur besoins fondamentaux ont besoin d’information sur le développement et la prévention à l’expansion de cette pandémie. Consciente des défis liés aux activités de réponses au COVID-19, notamment l’application de certaines mesures barrières, OIM s’est engagée à passer le message et amener les bénéficiaires ayant participé à des sessions de formation à Bandiagara, de faire autant auprès de leurs communautés respectives. Grâce aux activités menées, les communautés vulnérables ciblées pourront réussir à prévenir la contamination ultérieure et ses effets socio-économiques négatifs, en dépit de leurs moyens de réponse limités.\nEn octobre 2020, les sessions de formation ont permis à 150 participants (dont 19 femmes et 131 hommes) répartis entre les agents de santé communautaire, les relais communautaires, les tradi-thérapeutes et leaders religieux, d’améliorer leur connaissance sur la prévention du COVID-19, et par phénomène de boule de neige, sensibiliser et tenir des discours cohérents au sein de leurs communautés respectives, vu qu’ils sont toutes des personnes influentes dans des zones de difficile accès. La prochaine création des structures de cohésion sociales à travers les activités de prévention au COVID-19, donnera aussi l’opportunité aux partenaires du projet de sortir de leur schéma traditionnel des stratégies de cohésion sociale, pour se réunir autour d’un problème de santé publique et mutualiser leurs efforts pour y répondre efficacement.\nLa réalisation de cette première série de formations sur la prévention du COVID-19 en-mi-octobre 2020 à Bandiagara, région de Mopti, qui a mobilisé 150 participants, a concerné des communes au-delà de ces zones initiales d’intervention (Kendié et Doucoumbo). Les dernières séries de formations auront lieu dans le cercle de Macina, région de Ségou, avec des participants ciblés venant des communes de Kokri et Monipebougou.\nMonsieur Sama Guindo, Chef de Groupe des tradi-thérapeutes de la commune de Kendié, a participé à une des sessions de formation. Il a félicité cette initiative de renforcement de leurs capacités sur les mesures préventives et de lutte contre le COVID-19. «Avant cette pandémie nous accueillons des patients des pays frontaliers du Mali qui viennent pour des traitements, mais l’insécurité et la COVID-19 ont fait que personne ne nous rejoint à cause de la peur d’être contaminée, car notre commune Kendié a déjà enregistré onze cas». A-t -il expliqué. A travers cette formation sur les mesures préventives, Sama et ses collègues ont appris des notions de base, notamment le respect des mesures barrières, le lavage des mains au savon, les modes de contamination et ces de prévention. «Nous sommes désormais bien informés sur cette maladie\u00a0: nous pouvons partager ces mêmes informations à nos proches, nos communautés, et tous ceux qui viendront chez-nous pour se faire soigner, et nous pouvons référer les membres de nos communautés si jamais il y a des cas suspects». A-t-il ajouté\n(Voir photographies des formations dans le document Annexe 1)',
    },
    outcomes: {
      '1': {
        rating: null,
        fields: {
          progress_summary:
            "Les activités initiales prévues pour le résultat 1 ont rencontré des difficultés en raison de la propagation du COVID-19 et des mesures gouvernementales connexes visant à prévenir et à atténuer l'impact de l'épidémie, notamment la restriction des rassemblements de plus de 50 personnes et l'annulation des formations, séminaires et ateliers depuis mars 2020. Les préparations pour les PCP (1.1.1) ont commencé par la sélection des partenaires coopérants. Deux protocoles d’accord sont en cours d’être signés avec Yam-Giribolo-Tumo (Ya G Tu) pour la région de Mopti, et avec AMASSA-Malimark pour la région de Ségou. Un spécialiste de la sensibilité aux conflits a été recruté et sera en appui de la préparation des PCP et de l’ensemble du projet. L’expert va notamment assurer que les PCP sont inclusives et contribuent à l’amélioration de la cohésion sociale dans les communautés ciblées.\nLes formations des responsables communaux et des leaders de la société civile (jeunes et femmes) sur le cycle des projets, le suivi/évaluation et la redevabilité (1.1.2), et sur la gestion non violente des conflits, la culture de la paix et le vivre ensemble (1.1.3) ont débuté. L’activité d’appui à élaboration/actualisation (par intégration de la dimension conflit) des plans d’action des PDSEC (1.1.4) a aussi démarrée pendant la période de rapportage. Deux protocoles d’accord ont été signés avec le Groupe de Recherche et d’Applications Techniques (GRAT) pour la région de Mopti, et avec l’Association Malienne pour la Promotion du Sahel (AMAPROS) pour la région de Ségou. Ces ONGs travaillent en étroite collaboration avec les autorités communales locales pour mettre en œuvre ces activités, qui ont débuté par l’identification de 9,937 personnes dans 980 ménages de 9 villages dans les communes de Doucombo et Kendié, dans la région de Mopti.\nLes agences ont demandé, et été approuvées par PBSO, de revenir sur l’activité originale d’évaluation des besoins socio-économiques des personnes retournées et déplacées (1.4.1) en septembre 2020. La raison principale de cette requête a été d’éviter des doublant dus aux précédentes interventions humanitaires lesquelles avaient déjà mené des activités similaires dans les zones ciblées, et d’utiliser les ressources de façon stratégique et maximale pour obtenir des données statistiques sur les besoins socioéconomiques des bénéficiaires (PDIs, retournées) dans les zones ciblées, pour qu’ils puissent s’intégrer pleinement dans leur communautés hôtes. Des préparations préliminaires pour cette activité sont déjà en cours, notamment l’échange sur le type d’entente avec le partenaire gouvernemental d’exécution, la Direction National du Développement Social (DNDS), l’élaboration des outils de collecte des données, et la planification des sessions de mise à niveau du dispositif de collecte pour les agents de la DNDS.",
          gender_youth_analysis:
            "Les activités du résultat 1 sont mises en œuvre avec une approche participative, qui permet à l’ensemble des communautés de participer dans le projet, en assurant son appropriation et sa durabilité. Ceci permet d’identifier et de promouvoir l'inclusion des priorités de la communauté, spécialement celles des femmes et jeunes, dans les mécanismes traditionnels et institutionnels, afin de favoriser l’approche de base pour promouvoir une meilleure gestion au niveau local des ressources et établir ou redynamiser des structures de gestion des conflits.\nLa PCP est spécialement fondée sur le principe de l'inclusion de toutes les couches de la société, ce qui permet de se concentrer sur les besoins et la voix des femmes et des jeunes, tout comme les formations, ateliers et enquêtes prévus, qui ont pour but d'englober les aspirations de formation des femmes et des jeunes et d'identifier leurs besoins spécifiques. Une indication a été donnée aux ONG chargées du ciblage des bénéficiaires d’assurer qu’au moins 50% soient des femmes et 45% des jeunes, ce qui laissera une place de choix à ces groupes vulnérables.",
        },
      },
      '2': {
        rating: null,
        fields: {
          progress_summary:
            "Les mesures gouvernementales visant à prévenir et à atténuer l'impact de la pandémie du COVID-19 ont aussi retardé la mise en œuvre des activités du résultat 2. Afin d'atténuer les difficultés et répondre aux besoins urgents des bénéficiaires, les agences ont soumis à l'approbation de PBSO en mai 2020 un nouvel ensemble d’activités liés au COVID-19. Ces activités concernent la formation et sensibilisation sur les modes de prévention à la propagation du virus, la mise en place et le renforcement de la capacité des comités mixtes et multifonctions, et l’appui à l’opérationnalisation de certains cordons sanitaires non fonctionnels (2.1.1). Un protocole d’accord avec les Directions régionales de la santé (DRS) de Mopti et de Ségou\u00a0a été signé pour toutes les activités de renforcement de capacités des réseaux de surveillance et relais communautaires, pour la question de la supervision technique des activités de sensibilisation prévues sur le Plan d’action du Gouvernement, et pour l’opérationnalisation des cordons sanitaires.\nDébut-octobre 2020 la réalisation d’une série de formations sur la prévention du COVID-19 dans le cercle de Bandiagara, région de Mopti, a regroupé 150 participants, dont 19 femmes et 131 hommes. Les catégories des participants ciblés sont entre et autres\u00a0: les agents de santé communautaire, les relais communautaires, les tradithérapeutes et les leaders religieux. Ces sessions de formation ont concerné des communes au-delà de ces zones initiales d’intervention, à savoir Doucoumbo et Kendié, où les besoins en sensibilisation ont été considérés comme urgents en raison de la forte présence de PDIs. La mise en place et le renforcement de la capacité des comités mixtes et multifonctions sera lancée après les dernières séries de formations du 6 au 13 Novembre 2020 au cercle de Macina, région de Ségou, qui recevra des participants des communes de Kokri et Monipebougou. Ces comités mixtes et multifonctions seront mis en place la dernière semaine du mois de novembre, début décembre 2020.\nLes activités de formation de neuf agents (ONGs et radios communautaires) par région sur l’approche club DIMITRA (2.1.2) se sont déroulées aux communautés ciblées de la région de Mopti du 11 au 14 novembre 2020. Celles dans la région de Ségou auront lieu de 16 au 19 novembre 2020. La mise en place des clubs DIMITRA (2.1.3) a aussi démarré au niveau des communes de Doucoumbo et Kendié, au cercle de Biandiagara, région de Mopti. Cinq clubs ont été mis en place dans chaque des six villages ciblés, dont quatre à Doucoumbo et deux à Kendié. Lors de ces sensibilisations des communautés sur l’approche DIMITRA, des leaders des clubs ont été identifiées dans chacune des villages. Leur confirmation sera effective lors de la première assemblée générale des clubs. La formation des leaders communautaires sur la gestion participative des clubs DIMITRA (2.1.4) est en cours de préparation.\nDans le cadre de la mise en œuvre des projets de résilience communautaires (2.2.1), des actions ont déjà été prises pour le ciblage des communautés et pour le pré-positionnement et distribution des intrants agricoles (intrants maraîchers et rizicoles, bovins, aliment bétail et outils agricoles). A cet effet, deux sites pour l’aménagement de Petits Périmètres Maraichers (PPM) ont été identifiées aux communes de Kokri et Monipebougou, au cercle de Macina dans la région de Ségou, et deux autres sont en cours d’identification aux communes de Doucoumbo et Kendié, au cercle de Bandiagara dans la région de Mopti. Des contrats ont été signés avec des prestataires de services pour l’aménagement de ces PPM dans les communes d’intervention, et la distribution des intrants (semences et engrais) et outils agricoles dans les communes de Doucoumbo et Kendié a démarré.",
          gender_youth_analysis:
            'Les activités COVID-19, spécialement les formations des agents de santé communautaire, relais communautaires, tradithérapeutes et leaders religieux, et la mise en place et renforcement de capacité des comités mixtes et multifonctions, comprennent des populations entières de PDIs, retournées et population hôte, y compris des femmes et des jeunes. En outre, les clubs DIMITRA font participer les groupes de femmes, les femmes et les jeunes leaders, ainsi que les femmes et les jeunes bénéficiaires. Sur les 30 clubs DIMITRA déjà mis en place, 10 sont des clubs composes de jeunes filles et de femmes, soit approximativement 300 femmes sur un total de 900 membres des clubs. Finalement, les projets de résilience communautaire et les activités génératrices de revenus seront basés sur les besoins pré-identifiés de tous les groupes communautaires, y compris les femmes et les jeunes, en répondant directement à leurs besoins.',
        },
      },
      '3': {
        rating: null,
        fields: {
          progress_summary:
            "De la même façon que les résultats 1 et 2, les mesures gouvernementales visant à prévenir et à atténuer l'impact de la pandémie du COVID-19 ont retardé la mise en œuvre des activités du résultat 3, notamment la restriction des rassemblements de plus de 50 personnes et l'annulation des formations, séminaires et ateliers depuis mars 2020.\nCes mesures ont retardé toutes les activités sous ce résultat, qui sont basées sur les mobilisations communautaires, y compris la création de conventions locales, la diffusion d’outils de gouvernance foncière et la gestion intégrée des ressources naturelles (3.1.1, 3.1.2, 3.2.1), et sur les formations, y compris les formations destinées aux jeunes éleveurs, agriculteurs et pécheurs sur la gestion des conventions locales et l’éducation environnementale (3.2.2, 3.2.3). Ces activités sont mises en œuvre avec une approche participative, visant à la participation des communautés, afin de promouvoir l'appropriation et la durabilité des actions. Ces activités démarreront en 2021.",
          gender_youth_analysis:
            'Dans le cadre de ce résultat, un accent particulier est mis sur la formation des jeunes éleveurs, agriculteurs et pécheurs sur la gestion des conventions locales, y compris les risques pastoraux et les conflits, et sur l’éducation environnementale, selon leurs besoins.',
        },
      },
    },
    indicators: {
      '1.1': { progress: '0', reason: null },
      '1.2': {
        progress: '-',
        reason:
          "Les indicateurs qualitatifs liés à la cohésion sociale nécessitent un travail conjoint supplémentaire des trois agences, qui ne mesurent pas ces résultats par le biais de leurs cadres de résultats standard. Afin de définir des indicateurs qui peuvent rendre compte de l'impact de ce projet tout en étant efficacement mesurés, les trois agences vont se concerter davantage.",
      },
      '1.3': {
        progress: '-',
        reason:
          "Les indicateurs qualitatifs liés à la cohésion sociale nécessitent un travail conjoint supplémentaire des trois agences, qui ne mesurent pas ces résultats par le biais de leurs cadres de résultats standard. Afin de définir des indicateurs qui peuvent rendre compte de l'impact de ce projet tout en étant efficacement mesurés, les trois agences vont se concerter davantage.",
      },
      '1.4': {
        progress: '-',
        reason:
          'Des critères de ciblages ont était approuvés par les trois agences au niveau du terrain.\nPrésentement, identification de 9,937 personnes dans 980 ménages de 9 villages  dans les communes de Doucoumbo et Kendié.',
      },
      '1.1.1': { progress: '0', reason: null },
      '1.1.2': { progress: '0', reason: null },
      '1.1.3': { progress: '0', reason: null },
      '1.1.4': {
        progress: '0',
        reason: 'Des critères de ciblages ont était approuvés par les trois agences au niveau du terrain',
      },
      '1.2.1': { progress: '0', reason: null },
      '1.2.2': {
        progress: '0',
        reason: 'Des critères de ciblages ont était approuvés par les trois agences au niveau du terrain',
      },
      '1.2.3': { progress: '0', reason: null },
      '1.2.4': {
        progress: '0',
        reason: 'Des critères de ciblages ont était approuvés par les trois agences au niveau du terrain',
      },
      '1.3.1': { progress: '0', reason: null },
      '1.3.2': { progress: '0', reason: null },
      '1.3.3': { progress: '0', reason: null },
      '1.3.4': { progress: '0', reason: null },
      '1.4.1': { progress: '0', reason: null },
      '2.1': {
        progress: '-',
        reason:
          'Les indicateurs qualitatifs liés à la cohésion sociale nécessitent un travail conjoint supplémentaire des trois agences, qui ne mesurent pas ces résultats par le biais de leurs cadres de résultats standard. Afin de définir des indicateurs qui peuvent rendre compte de l’impact de ce projet tout en étant efficacement mesurés, les trois agences vont se concerter davantage.',
      },
      '2.2': {
        progress: '-',
        reason:
          'Les indicateurs qualitatifs liés à la cohésion sociale nécessitent un travail conjoint supplémentaire des trois agences, qui ne mesurent pas ces résultats par le biais de leurs cadres de résultats standard. Afin de définir des indicateurs qui peuvent rendre compte de l’impact de ce projet tout en étant efficacement mesurés, les trois agences vont se concerter davantage.',
      },
      '2.3': {
        progress: '-',
        reason:
          'Les indicateurs qualitatifs liés à la cohésion sociale nécessitent un travail conjoint supplémentaire des trois agences, qui ne mesurent pas ces résultats par le biais de leurs cadres de résultats standard. Afin de définir des indicateurs qui peuvent rendre compte de l’impact de ce projet tout en étant efficacement mesurés, les trois agences vont se concerter davantage.',
      },
      '2.1.1': {
        progress:
          '150 personnes formées (50 agents de santé communautaires – 50 relais communautaires – 25 tradi-thérapeutes – 25 leaders religieux)',
        reason: null,
      },
      '2.1.2': {
        progress: '0',
        reason: 'En cours, et attendant les retours des points focaux avec les détails en fonction du genre.',
      },
      '2.1.3': { progress: '0', reason: null },
      '2.1.4': { progress: '5 cordons sanitaires fonctionnels dans la région de Mopti', reason: null },
      '2.1.5': {
        progress: '0',
        reason:
          '30 clubs mis en place, dont 5 clubs installés dans chacun des 6 villages des 2 communes ciblées du cercle de Bandiagara. Les facilitateurs ont été établis dans les 2 communes ciblées de Bandiagara (les formations sont prévues en novembre 2020)',
      },
      '2.1.6': { progress: '0', reason: null },
      '2.1.7': { progress: '0', reason: null },
      '2.2.1': {
        progress: '0',
        reason: 'Des critères de ciblages ont était approuvés par les trois agences au niveau du terrain',
      },
      '2.2.2': {
        progress: '0',
        reason:
          '2 sites de périmètre maraicher ont été identifiées, et 2 sont en cours d’identification. Signature de contrat avec les prestataires de services pour l’aménagement des PPM dans les communes d’intervention à Ségou et Mopti.\nDistribution d’intrants (semences et engrais) et outils agricoles à Kendié et Doucoumbo.',
      },
      '2.3.1': {
        progress: '0',
        reason: 'Des critères de ciblages ont était approuvés par les trois agences au niveau du terrain',
      },
      '2.3.2': {
        progress: '0',
        reason: 'Des critères de ciblages ont était approuvés par les trois agences au niveau du terrain',
      },
      '2.3.3': { progress: '0', reason: null },
      '3.1': {
        progress: '-',
        reason:
          "Les indicateurs qualitatifs liés à la cohésion sociale nécessitent un travail conjoint supplémentaire des trois agences, qui ne mesurent pas ces résultats par le biais de leurs cadres de résultats standard. Afin de définir des indicateurs qui peuvent rendre compte de l'impact de ce projet tout en étant efficacement mesurés, les trois agences vont se concerter davantage.",
      },
      '3.2': {
        progress: '-',
        reason:
          "Les indicateurs qualitatifs liés à la cohésion sociale nécessitent un travail conjoint supplémentaire des trois agences, qui ne mesurent pas ces résultats par le biais de leurs cadres de résultats standard. Afin de définir des indicateurs qui peuvent rendre compte de l'impact de ce projet tout en étant efficacement mesurés, les trois agences vont se concerter davantage.",
      },
      '3.3': {
        progress: '-',
        reason:
          "Les indicateurs qualitatifs liés à la cohésion sociale nécessitent un travail conjoint supplémentaire des trois agences, qui ne mesurent pas ces résultats par le biais de leurs cadres de résultats standard. Afin de définir des indicateurs qui peuvent rendre compte de l'impact de ce projet tout en étant efficacement mesurés, les trois agences vont se concerter davantage.",
      },
      '3.1.1': { progress: '0', reason: null },
      '3.1.2': { progress: '0', reason: null },
      '3.2.1': { progress: '0', reason: null },
      '3.2.2': { progress: '0', reason: null },
      '3.2.3': { progress: '0', reason: null },
    },
  },
};
