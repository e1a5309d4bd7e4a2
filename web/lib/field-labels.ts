/**
 * Words for the audit trail's tables and columns, in French and English. The trail stores database names
 * (`title_fr`, `budget_lines`); people read these. Unknown names fall back to the name with its underscores
 * turned into spaces, so a new column is still readable before it gets its words here.
 */
import type { Locale } from '../../core/i18n/locale.js';

type Words = Record<string, { fr: string; en: string }>;

const entities: Words = {
  programmes: { fr: 'Programme', en: 'Programme' },
  framework_versions: { fr: 'Version du cadre', en: 'Framework version' },
  outcomes: { fr: 'Résultat', en: 'Outcome' },
  outputs: { fr: 'Produit', en: 'Output' },
  indicators: { fr: 'Indicateur', en: 'Indicator' },
  indicator_targets: { fr: "Cible d'indicateur", en: 'Indicator target' },
  indicator_values: { fr: "Valeur d'indicateur", en: 'Indicator value' },
  indicator_rules: { fr: 'Règle de calcul', en: 'Computation rule' },
  activities: { fr: 'Activité', en: 'Activity' },
  activity_attachments: { fr: 'Pièce jointe', en: 'Attachment' },
  activity_imports: { fr: "Import d'activités", en: 'Activity import' },
  imports: { fr: 'Import de fichier', en: 'File import' },
  planned_activities: { fr: 'Activité prévue', en: 'Planned activity' },
  reports: { fr: 'Rapport', en: 'Report' },
  report_parts: { fr: 'Partie de rapport', en: 'Report part' },
  report_comments: { fr: 'Commentaire de rapport', en: 'Report comment' },
  budget_lines: { fr: 'Ligne budgétaire', en: 'Budget line' },
  budget_amounts: { fr: 'Montant budgétaire', en: 'Budget amount' },
  budget_stated_totals: { fr: 'Sous-total du document', en: 'Stated sub-total' },
  expenditures: { fr: 'Dépense', en: 'Expenditure' },
  catalytic_funding: { fr: 'Financement catalytique', en: 'Catalytic funding' },
  workplan_activities: { fr: 'Activité du plan de travail', en: 'Work-plan activity' },
  governance_meetings: { fr: 'Réunion de comité', en: 'Committee meeting' },
  governance_items: { fr: 'Décision ou recommandation', en: 'Decision or recommendation' },
  risks: { fr: 'Risque', en: 'Risk' },
  alignments: { fr: 'Alignement', en: 'Alignment' },
  programme_participants: { fr: 'Organisation participante', en: 'Participating organisation' },
  financial_snapshots: { fr: 'Situation financière', en: 'Financial snapshot' },
  closed_periods: { fr: 'Période close', en: 'Closed period' },
  memberships: { fr: 'Rôle sur un programme', en: 'Programme role' },
  users: { fr: 'Compte', en: 'Account' },
  organisations: { fr: 'Organisation', en: 'Organisation' },
  admin_areas: { fr: 'Lieu (référentiel)', en: 'Place (reference list)' },
};

/**
 * The parts of an object, recorded with it (rows without an id of their own: an activity's participants,
 * places and indicator links, a value's source, co-funding; `core/contracts/audit-parts.ts`).
 */
const parts: Words = {
  participants: { fr: 'Participants', en: 'Participants' },
  places: { fr: 'Lieux', en: 'Places' },
  indicators: { fr: 'Indicateurs servis', en: 'Indicators served' },
  source: { fr: 'Source', en: 'Source' },
  cofunding_projects: { fr: 'Projets cofinanceurs', en: 'Co-funding projects' },
  cofunded_programmes: { fr: 'Programmes cofinancés', en: 'Co-funded programmes' },
};

const columns: Words = {
  title: { fr: 'Titre', en: 'Title' },
  name: { fr: 'Nom', en: 'Name' },
  code: { fr: 'Code', en: 'Code' },
  slug: { fr: 'Identifiant', en: 'Identifier' },
  status: { fr: 'Statut', en: 'Status' },
  role: { fr: 'Rôle', en: 'Role' },
  email: { fr: 'E-mail', en: 'E-mail' },
  active: { fr: 'Actif', en: 'Active' },
  must_change_password: { fr: 'Doit changer son mot de passe', en: 'Must change password' },
  password_hash: { fr: 'Mot de passe', en: 'Password' },
  failed_sign_ins: { fr: 'Échecs de connexion', en: 'Failed sign-ins' },
  locked_until: { fr: "Bloqué jusqu'au", en: 'Locked until' },
  description: { fr: 'Description', en: 'Description' },
  statement: { fr: 'Énoncé', en: 'Statement' },
  baseline: { fr: 'Référence', en: 'Baseline' },
  target: { fr: 'Cible', en: 'Target' },
  value: { fr: 'Valeur', en: 'Value' },
  reason: { fr: 'Raison', en: 'Reason' },
  progress: { fr: 'Progrès', en: 'Progress' },
  content: { fr: 'Contenu', en: 'Content' },
  type: { fr: 'Type', en: 'Type' },
  kind: { fr: 'Nature', en: 'Kind' },
  year: { fr: 'Année', en: 'Year' },
  amount: { fr: 'Montant', en: 'Amount' },
  amount_usd: { fr: 'Montant (USD)', en: 'Amount (USD)' },
  currency: { fr: 'Devise', en: 'Currency' },
  start_date: { fr: 'Début', en: 'Start' },
  end_date: { fr: 'Fin', en: 'End' },
  revised_end_date: { fr: 'Fin révisée', en: 'Revised end' },
  starts_on: { fr: 'Début', en: 'Start' },
  ends_on: { fr: 'Fin', en: 'End' },
  due_date: { fr: 'Échéance', en: 'Due date' },
  date: { fr: 'Date', en: 'Date' },
  owner: { fr: 'Responsable', en: 'Owner' },
  notes: { fr: 'Notes', en: 'Notes' },
  note: { fr: 'Note', en: 'Note' },
  unit: { fr: 'Unité', en: 'Unit' },
  period_start: { fr: 'Début de période', en: 'Period start' },
  period_end: { fr: 'Fin de période', en: 'Period end' },
  entered_by: { fr: 'Saisi par', en: 'Entered by' },
  caption: { fr: 'Légende', en: 'Caption' },
  credit: { fr: 'Crédit', en: 'Credit' },
  file_name: { fr: 'Fichier', en: 'File' },
  place: { fr: 'Lieu', en: 'Place' },
  count: { fr: 'Nombre', en: 'Count' },
  order: { fr: 'Ordre', en: 'Order' },
  sheet: { fr: 'Feuille', en: 'Sheet' },
  row: { fr: 'Ligne', en: 'Row' },
  activity_ids: { fr: 'Activités', en: 'Activities' },
  sex: { fr: 'Sexe', en: 'Sex' },
  age_group: { fr: "Tranche d'âge", en: 'Age group' },
  category: { fr: 'Catégorie', en: 'Category' },
  gender_marker: { fr: 'Marqueur genre', en: 'Gender marker' },
  risk_marker: { fr: 'Marqueur de risque', en: 'Risk marker' },
  rule: { fr: 'Règle', en: 'Rule' },
  submitted_at: { fr: 'Soumis le', en: 'Submitted on' },
  approved_at: { fr: 'Approuvé le', en: 'Approved on' },
  reopen_reason: { fr: 'Motif de réouverture', en: 'Reason for reopening' },
  programme_id: { fr: 'Programme', en: 'Programme' },
  frozen_model: { fr: 'Modèle figé (à l’approbation)', en: 'Frozen model (at approval)' },
  framework_version_id: { fr: 'Version du cadre', en: 'Framework version' },
  activity_id: { fr: 'Activité', en: 'Activity' },
  meeting_id: { fr: 'Réunion', en: 'Meeting' },
  budget_line_id: { fr: 'Ligne budgétaire', en: 'Budget line' },
  area_id: { fr: 'Lieu', en: 'Place' },
  organisation_id: { fr: 'Organisation', en: 'Organisation' },
  user_id: { fr: 'Compte', en: 'Account' },
  indicator_id: { fr: 'Indicateur', en: 'Indicator' },
  output_id: { fr: 'Produit', en: 'Output' },
  outcome_id: { fr: 'Résultat', en: 'Outcome' },
};

/** Codes some columns hold, in words (statuses, roles); other codes are shown as they are. */
const codes: Record<string, Words> = {
  status: {
    draft: { fr: 'brouillon', en: 'draft' },
    submitted: { fr: 'soumis', en: 'submitted' },
    approved: { fr: 'approuvé', en: 'approved' },
    planned: { fr: 'prévue', en: 'planned' },
    in_progress: { fr: 'en cours', en: 'in progress' },
    completed: { fr: 'réalisée', en: 'completed' },
    delayed: { fr: 'en retard', en: 'delayed' },
    cancelled: { fr: 'annulée', en: 'cancelled' },
    open: { fr: 'à faire', en: 'open' },
    implemented: { fr: 'mise en œuvre', en: 'implemented' },
    not_implemented: { fr: 'non mise en œuvre', en: 'not implemented' },
  },
  role: {
    admin: { fr: 'administration', en: 'administrator' },
    secretariat: { fr: 'secrétariat du Fonds', en: 'Fund secretariat' },
    member: { fr: 'membre', en: 'member' },
    coordinator: { fr: 'coordination', en: 'coordinator' },
    focal_point: { fr: 'point focal', en: 'focal point' },
    viewer: { fr: 'lecture', en: 'reader' },
  },
};

/** A code in words when its column is known (`status: draft` → « brouillon »), else null. */
export function codeLabel(column: string, value: string, locale: Locale): string | null {
  return codes[column]?.[value]?.[locale] ?? null;
}

const humanize = (name: string) => {
  const words = name.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The tables a person may filter the trail by, in the order of the programme's life. */
export const entityNames = Object.keys(entities).filter(
  (e) => e !== 'users' && e !== 'organisations' && e !== 'admin_areas',
);

export function entityLabel(entity: string, locale: Locale): string {
  return entities[entity]?.[locale] ?? humanize(entity);
}

/** A part of an object: « Participants », « Lieux ». */
export function partLabel(part: string, locale: Locale): string {
  return parts[part]?.[locale] ?? humanize(part);
}

/** `title_fr` → « Titre (FR) »; a key inside a JSON value (`fields.summary`) is shown as it is. */
export function columnLabel(column: string, locale: Locale): string {
  const lang = /^(.*)_(fr|en)$/.exec(column);
  if (lang) return `${columnLabel(lang[1]!, locale)} (${lang[2]!.toUpperCase()})`;
  return columns[column]?.[locale] ?? humanize(column);
}
