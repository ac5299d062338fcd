// The rule registry: every rule sopkit runs, in report order. Adding a rule touches this list and its file.
import dateOrder from './date-order.js'
import knownChannel from './known-channel.js'
import knownCompliance from './known-compliance.js'
import knownDeviationSection from './known-deviation-section.js'
import knownMarket from './known-market.js'
import knownType from './known-type.js'
import limitConsistency from './limit-consistency.js'
import linksResolve from './links-resolve.js'
import noDrift from './no-drift.js'
import noMdx from './no-mdx.js'
import noNameCollision from './no-name-collision.js'
import noYamlTyping from './no-yaml-typing.js'
import requireCompliance from './require-compliance.js'
import requireFields from './require-fields.js'
import requireSections from './require-sections.js'
import reviewOverdue from './review-overdue.js'
import type {Rule} from './rule.js'
import uniqueVariant from './unique-variant.js'
import validDates from './valid-dates.js'
import validFile from './valid-file.js'
import validFrontMatter from './valid-front-matter.js'
import validId from './valid-id.js'
import validLimits from './valid-limits.js'
import validOwner from './valid-owner.js'
import validStatus from './valid-status.js'
import validVersion from './valid-version.js'
import variantHasBaseline from './variant-has-baseline.js'
import variantOutdated from './variant-outdated.js'
import versionBump from './version-bump.js'

export const RULES: readonly Rule[] = [
  validFile,
  validFrontMatter,
  noYamlTyping,
  requireFields,
  validId,
  knownType,
  knownMarket,
  knownChannel,
  knownCompliance,
  requireCompliance,
  validVersion,
  validStatus,
  validDates,
  dateOrder,
  validLimits,
  reviewOverdue,
  validOwner,
  uniqueVariant,
  noNameCollision,
  variantHasBaseline,
  limitConsistency,
  variantOutdated,
  versionBump,
  requireSections,
  linksResolve,
  noMdx,
  knownDeviationSection,
  noDrift,
]

export type {Rule} from './rule.js'
