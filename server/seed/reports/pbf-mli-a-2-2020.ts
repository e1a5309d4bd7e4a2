// Source: ../shared/seeds/001_d2578cf07c8bd314.txt (PBF annual progress report, Nov. 2020).
// Not transcribed: secretariat_reviewed (no answer in the extraction), structural_change and evaluation_preparations
// (answered N/A: the project is not in its last six months), catalytic_funding (empty donor table). Outcome ratings
// are null: the dropdown value was lost in the extraction. Part IV categories: every box is unticked (☐) in the text.
import type { ReportDocumentInput } from '../../../core/contracts/report.js';

export const pbfMliA2Report2020: ReportDocumentInput = {
  programme: 'PBF/MLI/A-2',
  template: { id: 'pbf-progress', version: '2020' },
  type: 'annual',
  year: 2020,
  status: 'approved',
  frameworkVersion: 1,
  content: {
    fields: {
      implementation_rate: 37,
      gender_budget_spent: 86645,
      prepared_by: 'Mohamed Issa Ould Ahmed',
      approved_by: 'Henri Mashagiro',
      overall_status:
        'Dès la  validation du PTA 2020 en Comité Technique, ayant  permis la validation des activités du projet et la confirmation de l’ancrage institutionnel au niveau du Secrétariat Permanent et des comités régionaux auprès des Gouverneurs de Mopti et Ségou, coprésidé par le Secrétaire Permanent et le Représentant Résident du PNUD et ayant réuni les Sections Affaires Politiques et Civiles de la MINUSMA et les représentants des gouverneurs de Mopti et Ségou, les rencontres régionales ont été tenues. Le Secrétariat Permanent et les comités régionaux ont été équipés en matériels informatiques. Grace au projet, deux réunions au niveau régional ont été organisées et ont permis d’élaborer des plans régionaux de prévention et gestion des conflits. Les réunions statutaires des comités régionaux ont été organisées. Pour permettre de comprendre le contexte socio-économique, le projet a commandité deux études : DIAGNOSTIC SOCIOECONOMIQUEDES REGIONS DU CENTRE qui a permis de décrire l’état des lieux des infrastructures sociales de base indispensables au développement économique, les indicateurs d’analyse mais aussi l’analyse des causes et conséquences de la crise. Le rapport de cette étude est disponible. La seconde étude qui est en cours porte sur LE CODE PASTORAL DE LA DIINA DE SEKOU AMADOU DU XIXEME SIECLE ET SON IMPACT SUR LA CONSOLIDATION DE LA PAIX DANS LES REGIONS DU CENTRE. Au terme de cette étude, le projet disposera de renseignements suffisamment probants sur l’organisation, les mécanismes de fonctionnement et les procédures d’intervention du Code pastoral de la Diina qui ont donné à cette réglementation une si longue durée, une résistance fascinante face aux vicissitudes et changements historiques.  Considérant la pandémie de Covid-19, le projet a procédé aux réajustements de certaines activités approuvées et validees respectivement par la DSRSG.RC.HC et PBSO pour prendre en compte cette nouvelle donne',
      upcoming_events:
        'Au cours des mois à venir, le projet 1)  organisera les formations des membres du Secrétariat Permanent, des comités régionaux et les services techniques sur les mécanismes de coordination des actions de consolidation de la paix en prenant en compte les besoins spécifiques des jeunes et des femmes 2) réalisera des missions de suivui-écaluation sur le  terrains 3) l’accompagnement des Organisations de la Société Civile et l’identification des radios communautaires  4) animera les cadres de concertations et appuiera  à l’élaboration des PDESC  et la réalisation des cadres de concertations (CROCSAD, CLOCSAD, CCOCSAD)',
      human_impact:
        'L’année 2020 a été assez particuière au Mali et dans le centre notamment à cause de l’agrration de l’insécurité et les affrontement intercommunautaires, exacerbés par la crise politiquee liée au coup d’Etat du mois d’août. La mise en place des cadres régionaux de gestiond e la crise au centre à Mopti et Ségou et dans les cercles ciblés a permis d’orienter les actions du gouvernement pour toucher les défis de consolidation de la paix dans la zone. Plusieurs rencontres intercommunautaires ont été organisées et ont permis de signer des accords de cessation des hostilités dans différentes localités. En plus, le diagnostic socio-économique que le projet a lancé a permis de 1) faire le Diagnostic socioéconomique des régions de Ségou et Mopti ; 2) Identifier les problèmes prioritaires de chaque commune ;3) faire une cartographie des acteurs ; 5) Etablir et faire une analyse des forces, faiblesse et opportunités des régions de Mopti et Ségou. Pour le Directeur de Cabinet du Gouverneur de Mopti lors de la réunion du comité régional « ce projet offre au gouverneur et à tous les acteurs de la région une base de décision pour toucher les véritables problèmes des populations et qui constituent les sources des conflits et de l’instabilité de la région.',
      monitoring:
        'Tenue du comité de coordination technique, lancement de l’étude sur le diagnostic socio-économique des régions du centre et préparation de l’étude sur les questions foncières. L’élaboration des plans de travail des comités régionaux et la préparation de leur mise en œuvre.',
      baselines_exist: { answer: true, text: '' },
      perception_surveys: { answer: null, text: '' },
      evaluation_conducted: { answer: false, text: '' },
      final_evaluation_budget: 30000,
      other:
        'Le Mali vient de connaitre une période de transition à partir de Septembre 2020 suite au coup d’Etat du 18 août 2020, le cadre politique de gestion de la crise étant une structure rattachée à la primature, il n’est pas exclu que dans les prochains mois des réajustements y soient apportés au regard des impératifs de la transition et pourraient avoir un impact sur le déroulement des activités du projet. Le partenariat avec la MINUSMA est un élément important du projet dans la mesure où certains experts notamment ceux du Secrétariat Permanent sont directement pris en charge par la MINUMA et permet de dégager des fonds pour les activités du projet et renforcer son efficience.',
      covid_financial_adjustments: 170000,
      covid_non_financial_adjustments:
        "La synergie avec tous les projets du PNUD dans la zone d'intervention",
      covid_categories: { selected: [] },
      covid_success_story:
        "L'appui aux Directions régionales de la Santé à travers l'équipement en kits et l'accompagnement des cadres de concertations ont contribué à freiner la propagation du Covid. La diffusion des messages à l’intention des citoyens a permis de freiner la propagation du virus à travers le recensement des cas qui diminuent.",
    },
    outcomes: {
      '1': {
        rating: null,
        fields: {
          progress_summary:
            'Le secrétariat permanent de gestion de la crise au centre a été dote d’équipements et outils nécessaires pour constituer une base de données permettant de gérer et de coordonner l’action gouvernementale pour la consolidation de la paix au centre. Il s’agit des matériels informatiques et études. Au niveau regional, les deux comités de Ségou et Mopti sont opérationnels grâce aux équipements reçus. Ces  deux comités régionaux ont tenu leurs rencontres statutaires et ont validé leur plan de travail au niveau regional qui leur permettront de suivre les initiatives de consolidation de la paix au niveau de la base.  Grâce à ces rencontres, les informations liées à l’insécurité remontentent aux aux autorités regionals, comme à Koro et Douentza.',
          gender_youth_analysis:
            'Le Secrétariat Permanent et les comités régionaux sont composés d’au moins 30% des femmes qui participent à tous les processus de prise de décision et qui sont aussi au sein des organisations de la Société Civile.',
        },
      },
      '2': {
        rating: null,
        fields: {
          progress_summary:
            "La crise sociopolitique et la pandémie de COVID 19 ont impacté le déroulement des activés sur ce résultat. Le projet a procédé à l’indentification des organisations de la société civile à travers la mise en place d’un roster et l’identification des radios communautaires qui relayeront les messages de paix. Les activités de regroupements n'ont pas pu se tenir au cours de ce trimestre du fait de la pandémie et les mesures d'atténuation de la propagation du virus. Toutefois les organisations de la société civile et les radios communautaires ont poursuivi les diffusions des messages de paix et de sensibilisation sur les mesures barrières contre Covid-19 au profit des communautés couvertes par le projet.",
          gender_youth_analysis:
            "Dans le processus de sélections des partenaires locaux notamment les radios communautaires et les OSC, le projet a mis l’accent sur l'implication des femmes comme condition de partenariat. Plus de 50% des associations identifiées sont féminines",
        },
      },
      '3': {
        rating: null,
        fields: {
          progress_summary:
            "Sur la base de plan de travail des cadres régionaux (Ségou, Mopti), le projet a finalisé  deux  accords de partenariat avec les Agences de développement régional (Ségou, Mopti) pour : appuyer les sessions de restitution des communes devant prendre en compte les initiatives de consolidation de la paix initiées dans les communes et appuyer la tenue régulière du CROCSAD, CLOCSAD et CCOCSAD sur les questions de consolidation de la paix en soutien aux actions de développement. Sur cette base, les deux agences ont produit leur plan d’exécution. Les activités impliquant l'assemblée nationale ont été reportées pour 2021. Toutefois, les autorités au niveau des régions, cercles et communes ont identifié les membres devant animer ces cadres de coordination des actions de développement et de paix  à leur niveau.",
          gender_youth_analysis:
            'Dans les deux accords, l’inclusion des jeunes et femmes est un critère de mesure de la performance  tout en sachant  que le projet est GEN 1.',
        },
      },
    },
    indicators: {
      '1.1': { progress: '1', reason: null },
      '1.2': { progress: '2', reason: null },
      '1.1.1': {
        progress: '15 dont 6 femmes',
        reason: 'Les activités de regroupement ont été reportées suite aux instructions gouvernementales',
      },
      '1.1.2': { progress: '1', reason: 'Le projet met a disposition selon les besoins' },
      '1.2.1': {
        progress: '0',
        reason: 'Les activités de regroupement ont été reportées suite aux instructions gouvernementales',
      },
      '1.2.2': { progress: '9', reason: null },
      '2.1': {
        progress: '0',
        reason: 'Les activités de regroupement ont été reportées suite aux instructions gouvernementales',
      },
      '2.2': {
        progress: '0',
        reason: 'Les activités de regroupement ont été reportées suite aux instructions gouvernementales',
      },
      '2.1.1': { progress: '0', reason: null },
      '2.1.2': { progress: '0', reason: "Le processus d'identification des radio est en cours" },
      '2.2.1': {
        progress: '0',
        reason: "Les sondages n'ont pas pu être réalisés sous période à cause du Covid",
      },
      '2.2.2': { progress: '2', reason: null },
      '3.1': {
        progress: '0',
        reason:
          'Cette activité est reportée pour 2021. Au moment de la planification la tenue des élections était incertaine',
      },
      '3.2': {
        progress: '0',
        reason: 'Les activités de regroupement ont été reportées suite aux instructions gouvernementales',
      },
      '3.1.1': { progress: '0', reason: "Cette activité est reportée pour 2021. L'assemblée a été dissoute" },
      '3.1.2': {
        progress: '0',
        reason:
          'Cette activité est reportée pour 2021. Au moment de la planification la tenue des élections était incertaine',
      },
      '3.2.1': {
        progress: '0',
        reason: 'Les activités de regroupement ont été reportées suite aux instructions gouvernementales',
      },
      '3.2.2': {
        progress: '16',
        reason: 'Les activités de regroupement ont été reportées suite aux instructions gouvernementales',
      },
    },
  },
};
