// Source: ../shared/seeds/000_f452a5badcd28cb6.txt (PBF annual progress report 2020, French).
// Outcome ratings: the extraction lost the dropdown state (blank for outcomes 1 and 2, "FORMDROPDOWN" for outcome 3), so they are null.
// Part III yes/no answers (baselines, perception surveys, evaluation): the tick state was lost in the extraction and no text was given.
// Catalytic funding: the donor table is empty. COVID-19 financial adjustments: "$N/A", left out.
import type { ReportDocumentInput } from '../../../core/contracts/report.js';

export const pbfMliA3Report2020: ReportDocumentInput = {
  programme: 'PBF/MLI/A-3',
  template: { id: 'pbf-progress', version: '2020' },
  type: 'annual',
  year: 2020,
  status: 'approved',
  frameworkVersion: 1,
  content: {
    fields: {
      implementation_rate: 18,
      gender_budget_spent: 59416.02,
      prepared_by: 'HCDH',
      approved_by: 'Directeur HCDH',
      secretariat_reviewed: true,
      overall_status:
        'Depuis la déclaration des premiers cas de COVID-19 au Mali, le gouvernement a pris diverses mesures dont la suspension des regroupements publics de plus de 50 personnes, la fermeture des frontières et la mise-en-place d’un couvre-feu. De plus, depuis juillet 2020, le pays a connu une série de crises socio-politiques, paralysant le gouvernement et aboutissant à un coup-d’État le 18 août 2020. Début octobre, un Président et un gouvernement de transition civils ont été nommés et les priorités du gouvernement ont été déterminées et parmi celles-ci figure le renforcement de la lutte contre l’impunité. Malgré cette situation, le projet a réussi à finaliser toutes les étapes nécessaires pour le démarrage. Au compte du Résultat 1, un atelier de conception du baromètre participatif s’est tenu entre les partenaires de mise-en-œuvre et le partenaire technique. De plus, six ateliers de conception des indicateurs se sont tenus avec les acteurs de la justice et les populations des six cercles d’intervention du projet. Au compte du Résultat 2, toutes les activités préparatoires ont été finalisées ainsi que la réalisation d’activités clés pour la réussite du projet telles que l’analyse du fonctionnement des chaînes civile et pénale des juridictions et le démarrage de la mise-en-place des comités consultatifs de sécurité (CCS) et des commissions foncières (COFO) dans les zones ciblées. Au compte du Résultat 3, presque toutes les activités préparatoires ont été finalisées (y compris l’identification du coordinateur national du projet et le partenariat avec la Commission nationale des Droits de l’Homme - CNDH).',
      upcoming_events:
        'Le 19 novembre 2020, un atelier de lancement du projet est prévu à Mopti en rassemblant les autorités et la société civile de Ségou et Mopti. La collecte de données pour le baromètre participatif, un dialogue horizontal entre différentes couches de la population et d’un dialogue vertical entre acteurs de la chaîne de justice et justiciables sont prévues pour décembre 2020. Elle sera précédée par un atelier de formation sur la collecte en novembre. Les cartographies, enquêtes de perception et analyses des besoins sécuritaires des populations en lien avec la mise en place des CCS seront finalisées. Un atelier d’échange avec les représentants des juridictions ciblées aura lieu en novembre 2020 pour valider le plan d’action des activités de renforcement des capacités des acteurs de la justice. Un premier atelier d’état de lieux sur une stratégie régionale de protection et d’une aide judiciaire effective ainsi qu’une première formation pour les avocats dans ces matières sont prévus pour décembre.',
      structural_change:
        'Pour le moment, il est trop tôt d’évaluer un changement structurel, institutionnel ou sociétal vu que le projet est au début de la réalisation des activités.',
      human_impact:
        'Pour le moment, il est trop tôt d’évaluer un éventuel impact humain réel vu que le projet est au début de la réalisation des activités. Tous les partenaires d’exécution ont été recrutés, mais les activités viennent juste de commencer. Un intérêt croissant de certains acteurs ressort des différentes visites aux autorités. A titre d’exemple, un magistrat d’une localité visitée refusait de recevoir l’équipe parce qu’il jugeait les termes utilisés en défaveur de la justice. Après une discussion avec l’équipe où il lui fut expliqué la méthodologie, les contours du problème de l’accès à la justice ainsi que le lien impunité-conflits, il s’est dit favorable à une participation à nos espaces de dialogue afin de pouvoir discuter ouvertement et directement avec les populations.',
      monitoring:
        'Durant la période du rapport, le suivi de la mise en œuvre des activités a été fait avec l’appui du Chargé de suivi/évaluation de chaque organisation. Le HCDH a organisé des réunions de coordination sur le suivi du plan de travail.\nPour les trois résultats, aucune activité spécifique de suivi n’a été tenue. En effet, les indicateurs renseignés l’ont été sur la base des listes de présence, autres documents créés pour le projet lui-même et des documents disponibles au sein des agences. Les indicateurs nécessitant des activités spécifiques de suivi (mesure des changements de point de vue ; niveau d’appropriation), sont en référence à des activités qui n’ont pas encore commencé. Un plan compréhensif de suivi et évaluation est en train d’être développé et sera partagé avec le Secrétariat du PBF, y incluant une analyse critique des indicateurs contenus dans le document de projet.',
      baselines_exist: { answer: null, text: '' },
      perception_surveys: { answer: null, text: '' },
      evaluation_conducted: { answer: null, text: '' },
      final_evaluation_budget: 74000,
      evaluation_preparations: 'N/A',
      catalytic_funding: { rows: [] },
      other: 'N/A',
      // "$N/A": the amount answered in words, kept as written
      covid_financial_adjustments: 'N/A',
      covid_non_financial_adjustments:
        'En termes de soutien logistique, certains équipements en lien avec la prévention du COVID-19 ont en outre été fournis à ces juridictions afin de leur permettre de continuer à traiter les dossiers des personnes vulnérables, en particulier les femmes et enfants en détention. Pour les consultances, des experts sous régionaux et nationaux ont été préférés aux consultants internationaux nécessitant des voyages intercontinentaux. Certaines activités ont été aussi adaptées pour respecter les mesures barrières pour les réunions en présentiel ou la tenue des réunions en virtuel.',
      covid_categories: { selected: ['crisis_management'] },
      covid_success_story:
        'Les kits de prévention COVID-19 ont permis la continuité du fonctionnement. Des juridictions (Tribunaux de Grande Instance de Mopti et Segou) afin de permettre de continuer à traiter les dossiers des personnes vulnérables, en particulier les femmes et enfants en détention.',
    },
    outcomes: {
      '1': {
        rating: null,
        fields: {
          progress_summary:
            'Durant la période, des missions ont été menées dans les 6 cercles pour à la fois présenter le projet aux acteurs clés et établir une cartographie des acteurs de la chaîne de justice et personnes influentes à impliquer. L’élaboration du baromètre participatif sur la justice a également débuté. Le baromètre participatif permettra une compréhension commune des défis d’un système judiciaire répondant aux besoins des populations et de présenter les perceptions et attentes des populations et des acteurs concernées (populations et acteurs de justice). Il est élaboré en 4 étapes : conception, collecte de données, analyse et dissémination. Ainsi, un premier atelier de conception s’est tenu en juin 2020 (virtuel, à cause de la pandémie à COVID-19). Cet atelier a permis d’établir une compréhension commune, entre partenaires, des enjeux et de la valeur ajoutée du baromètre participatif, ainsi que de prendre les décisions clés. A cet effet, l’objectif et le sujet principal ainsi que les thèmes du baromètre ont été élaborés avec la participation de tous les partenaires.\nAussi, des décisions ont été prises sur les modalités de participation des parties prenantes dans l’élaboration des indicateurs et l’analyse des données.\nL’objectif du baromètre est ainsi défini : comprendre les perceptions et le ressenti de la population sur la justice et l’impunité ; et influencer les décideurs à l’aide de ces résultats à adapter les programmes et politiques en matière de justice.\nPour atteindre cet objectif, les thèmes (un thème général avec 5 sous-thèmes) du baromètre ont été définis. Le thème général du baromètre est la gouvernance de, la confiance en, et l’accès à la justice (formelle et informelle) (Voir annexe pour plus d’informations).\nAfin d’organiser la collecte de données, des indicateurs doivent illustrer chacun des thèmes. Par indicateur, il est question de tout signe ou changement permettant de déterminer la présence ou l’absence de caractéristiques pertinentes pour chaque thème. La conception de ces indicateurs est faite de manière participative et inclusive par les acteurs de justice et les représentants de la société civile des six (6) cercles du projet.\nA cet effet, les 6 ateliers ont été facilités en septembre et octobre par l’équipe du projet avec 202 participants dont 26% de femmes.\nAfin d’illustrer et de mesurer chacun des indicateurs élaborés lors de ces différents ateliers, des questions sont formulées par l’équipe du projet. Ces questions représentent le questionnaire du baromètre qui sera administré aux populations des 6 cercles au cours du mois de décembre.\nQuant à l’atelier méthodologique qui a traité les détails de la collecte des données, il a eu lieu du 09 au 13 novembre 2020.',
          gender_youth_analysis:
            'Les activités du résultat 1 ont été élaborées et mises en œuvre en intégrant pleinement la dimension genre. Le choix des participants pour l’élaboration du baromètre, l’administration du questionnaire et la participation aux séances de dialogue sont faits en respectant l’aspect genre. A cet effet, les besoins et les perceptions des femmes ressortent de manière transversale dans toutes les questions du baromètre. De plus, l’échantillon des personnes enquêtées dans le cadre du baromètre est représentatif de la population des communes de mise en œuvre du baromètre. En outre, 30% des participants aux différents espaces de dialogue sont des femmes et des focus groupes exclusivement féminins sont également prévus pour permettre aux femmes de prendre la parole plus aisément dans un espace sécurisé.',
        },
      },
      '2': {
        rating: null,
        fields: {
          progress_summary:
            'Durant les premiers 7 mois de mise en œuvre du projet, et malgré le contexte difficile mentionné plus haut, plusieurs activités ont pu être réalisées dans le cadre du résultat 2 du projet.\nL’analyse du degré du fonctionnement et de prise en compte des droits humains et du genre au niveau de la chaine civile et pénale des juridictions ciblées est en cours et les résultats seront discutés durant un atelier prévu à la fin du mois de novembre. Certains équipements en lien avec la prévention du COVID-19 ont en outre été fournis à ces juridictions afin de leur permettre de continuer à traiter les dossiers des personnes vulnérables, en particulier les femmes et enfants en détention.\nEn ce qui concerne la mise en place des comités consultatifs de sécurité (CCS) et la redynamisation des commissions foncières (COFO), les activités ont également démarré durant cette période. Une cartographie des acteurs clés à inclure au sein des CCS a été réalisée dans les régions de Ségou et Mopti. 50 décideurs locaux (dont 35% de femmes) ont été sensibilisés et engagés pour une meilleure participation des femmes dans ces comités. Les enquêtes de perception et les analyses des besoins sécuritaires des populations sont en cours ce qui permettra une mise en place effective des CCS d’ici le début de l’année 2021.\nUn mapping des mécanismes de prévention et de gestion des conflits a en outre été réalisé et le travail de redynamisation des COFO a démarré au début du mois d’octobre. Les outils de formation des acteurs formels et informels sur les droits des femmes pour favoriser l’engagement des hommes sont élaborés et les formations seront dispensées dans le cadre du renforcement des capacités des autorités traditionnelles en matière de gestion des conflits.',
          gender_youth_analysis:
            "Toutes les actions réalisées dans le cadre de ce résultat ont fait un focus particulier sur une participation égalitaire des femmes et des hommes afin de mieux combattre l’impunité dans la zone cible du projet y compris au niveau des institutions judiciaires chargées de lutter contre l’impunité dans les zones ciblées, des acteurs informels et des communautés conservatrices, traditionnellement réticentes aux questions de genre et d’égalité des sexes. Outre, les membres du Comité Genre du Ministère de la Justice et des Droits de l’Homme ont examiné le plan de travail 2021 du comité incluant les activités du projet. La réunion a vu la participation de 11 personnes dont 5 femmes issues des services centraux et de la Cour d’appel de Bamako, 36 points focaux genre dont 20 femmes du secteur de la justice ont une meilleure connaissance du mécanisme institutionnel genre au Mali, des concepts genre et VBG, les droits de l'homme et les besoins stratégiques des femmes et l’accès des femmes à la justice grâce aux missions de prise de contact et aux appuis des membres du Comité Institutionnel Genre du département.",
        },
      },
      '3': {
        rating: null,
        fields: {
          progress_summary:
            'Durant les premiers mois de la mise-en-œuvre presque toutes les activités préparatoires ont pu être finalisées, mais ont accusé un retard surtout lié au contexte décrit ci-dessus : le coordinateur national du projet a été identifié et sera bientôt opérationnel à Mopti. En collaboration avec l’organisation Justice Rapid Response de Genève, les consultants internationaux pour l’élaboration de la stratégie de la protection des victimes, témoins et sources et la mise-a-disposition d’une aide judiciaire effective aux victimes des violations et abus des droits de l’homme ont pu être identifiées, en tenant compte de limitations des voyages internationaux dues au COVID-19. L’appel pour les consultants nationaux qui accompagneront ces consultants internationaux a été lancé et sera finalisé en novembre. Les premiers ateliers d’état de lieux pour ces deux volets sont planifiés pour décembre 2020 et janvier 2021. Un accord avec le Barreau du Mali sur la coopération pour ce projet est en cours de finalisation et le premier tour juridique des avocats dans les régions est planifié pour printemps 2021. Les besoins en formation des membres du Barreau pour rendre l’aide judicaire efficace et en accordance avec les standards internationaux d’assistance aux victimes des violations et abus des droits de l’homme ont été recensés et la première d’une série de trois formations sera organisée en décembre. L’appel d’offres pour le recrutement d’une entreprise de communication nationale qui coordonnera les activités de la campagne de sensibilisation sur les droits a été également lancé et sera finalisé en novembre 2020. Pour la mise-œuvre du renforcement des capacités de la CNDH, les termes de référence ont été élaborés avec la CNDH et l’accord de partenariat est en cours de finalisation.',
          gender_youth_analysis:
            'Toutes les actions planifiées dans le cadre de ce résultat ont fait un focus particulier sur une participation égalitaire des femmes et des hommes afin de mieux combattre l’impunité dans la zone cible du projet.',
        },
      },
    },
    indicators: {
      '1.a': {
        progress: 'N/A',
        reason:
          'L’étude de base sera administrée auprès des membres de chaque plateforme de dialogue lors de la tenue des activités de dialogue',
      },
      '1.b': {
        progress: 'N/A',
        reason: 'L’indicateur sera renseigné après la diffusion des résultats du baromètre participatif',
      },
      '1.1.1': {
        progress: 'N/A',
        reason:
          'La cartographie des acteurs a débuté et est mise grâce aux missions dans les 6 cercles d’intervention.',
      },
      '1.1.2': {
        progress: 'N/A',
        reason: 'La collecte de données du baromètre se fera à partir de décembre 2020',
      },
      '1.1.3': {
        progress: 'N/A',
        reason: 'Le baromètre sera finalisé et disponible dans la première partie de l’année 2021',
      },
      '1.2.1': { progress: '166 dont 42 femmes soit 25%', reason: null },
      '1.2.2': { progress: 'N/A', reason: 'L’activité n’a pas encore commencé' },
      '1.2.3': {
        progress: 'N/A\nIl n’est pas prévu de collecter cet indicateur durant la période du rapport.',
        reason: 'L’activité n’a pas encore commencé',
      },
      '1.2.4': {
        progress: 'N/A\nIl n’est pas prévu de collecter cet indicateur durant la période du rapport.',
        reason: 'L’activité n’a pas encore commencé',
      },
      '1.3.1': { progress: 'N/A', reason: 'L’activité n’a pas encore commencé' },
      '1.3.2': { progress: 'N/A', reason: 'L’activité n’a pas encore commencé' },
      '2.a': {
        progress: 'N/A',
        reason: 'Baseline du baromètre sera disponibles durant le premier semestre 2021',
      },
      '2.b': {
        progress: 'N/A',
        reason: 'Baseline du baromètre sera disponibles durant le premier semestre 2021',
      },
      '2.1.1': {
        progress: 'N/A',
        reason:
          'L’analyse des besoins sera finalisée au mois de novembre et les formations pourront démarrés durant le premier trimestre 2020.',
      },
      '2.1.2': {
        progress: 'N/A',
        reason:
          'Ces sensibilisations sont prévues dans le cadre de la mise en place des CCS. Elles seront réalisées durant le premier semestre 2021',
      },
      '2.2.1': {
        progress: 'N/A',
        reason:
          'Le travail préparatoire de mise en place a démarré et les CCS seront opérationnels dans le courant du premier semestre 2021',
      },
      '2.2.2': {
        progress: 'N/A',
        reason:
          'Ces sensibilisations sont prévues dans le cadre de la mise en place des CCS. Elles seront réalisées durant le premier semestre 2021',
      },
      '2.2.3': {
        progress: 'NA',
        reason:
          'Ces formations sont prévues dans le cadre de la mise en place des CCS. Elles seront réalisées durant le premier semestre 2021',
      },
      '2.3.1': {
        progress: 'N/A',
        reason:
          'Le travail préparatoire de mise en place a démarré et les COFO seront opérationnels dans le courant du premier semestre 2021',
      },
      '2.3.2': {
        progress: 'N/A',
        reason:
          'Ces sensibilisations sont prévues dans le cadre de la mise en place des COFO. Elles seront réalisées durant le premier semestre 2021',
      },
      '3.a': {
        progress: 'N/A',
        reason: 'Ebauche sera présentée lors d’un atelier dans le premier semestre de 2021',
      },
      '3.b': {
        progress: 'N/A',
        reason: 'Emissions radio commenceront avec les tours juridiques dans les régions du Barreau',
      },
      '3.c': { progress: 'N/A', reason: 'TdR sont en cours de finalisation' },
      '3.1.1': {
        progress: 'N/A',
        reason:
          'Fonds d’assistance judiciaire sera conçu après les recommandations de l’expert international',
      },
      '3.1.2': {
        progress: 'N/A\nIl n’est pas prévu de collecter cet indicateur durant la période du rapport.',
        reason: 'Commencera après la conception de la stratégie',
      },
      '3.2.1': {
        progress: 'N/A',
        reason:
          'Production commencera des que l’accord de collaboration avec le Barreau sera finalise, première émission planifiée lors du premier tour juridique dans les régions',
      },
      '3.2.2': {
        progress: 'N/A',
        reason: 'Emissions commenceront avec les tours juridiques',
      },
      '3.2.3': {
        progress: 'N/A',
        reason: 'Dépliants seront disséminés lors des tours juridiques',
      },
      '3.3.1': { progress: 'N/A', reason: 'TdR ont été préparés' },
      '3.3.2': {
        progress: 'N/A',
        reason: 'Réunions de plaidoyer n’ont pas encore commencé',
      },
      '3.3.3': {
        progress: 'N/A',
        reason: 'Evaluation de la participation dans le cadre de concertation en cours',
      },
    },
  },
};
