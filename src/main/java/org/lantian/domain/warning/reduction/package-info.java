/**
 * Emergency emission reductions during a heavy-pollution warning (应急减排): the reduction
 * list with each enterprise's performance grade (绩效分级), stacks and baseline emission
 * rates, the cut each warning level requires (SEEDS-BRIEF §3: 10 / 20 / 30 %), and the
 * hour-by-hour verification from stack data ("可操作、可监测、可核查", S001). Pure functions; the
 * hours and their data are passed in.
 */
@NullMarked
package org.lantian.domain.warning.reduction;

import org.jspecify.annotations.NullMarked;
