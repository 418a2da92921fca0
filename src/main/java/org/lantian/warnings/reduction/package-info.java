/**
 * Emergency-reduction verification during heavy-pollution warnings: each listed
 * enterprise's stack-hours from the stored data against its baseline and the cut its
 * level owes (domain {@code warning.reduction}), the per-warning compliance report, and a
 * periodic round that opens and clears non-compliance alerts through the rules module's
 * {@code RuleConditionChanged}.
 */
@NullMarked
package org.lantian.warnings.reduction;

import org.jspecify.annotations.NullMarked;
