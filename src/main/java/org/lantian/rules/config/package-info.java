/**
 * The rules file (YAML, one rule per entry): parsing and validation with errors naming
 * the rule and the field, site selectors, and the translation of each entry into its
 * evaluator.
 */
@NullMarked
package org.lantian.rules.config;

import org.jspecify.annotations.NullMarked;
