/**
 * The HJ 212 frame inspector as a command-line tool ({@code scripts/hj212-decode}): the
 * same report as {@code POST /api/v1/hj212/decode}, without starting the service.
 */
@NullMarked
package org.lantian.ingest.hj212.cli;

import org.jspecify.annotations.NullMarked;
