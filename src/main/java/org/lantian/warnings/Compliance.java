package org.lantian.warnings;

import java.util.Optional;

/**
 * The emergency-reduction compliance of a warning episode (INTERFACES §5.3 {@code GET
 * /api/v1/warnings/{id}/compliance}): each listed enterprise's required cut and the cut
 * measured from its stacks, hour by hour.
 */
public interface Compliance {

	/**
	 * The report of an episode, active or released, judged up to now (or its release);
	 * empty for an id that is malformed or was never raised.
	 * @throws org.lantian.storage.StorageUnavailableException if the stack data cannot be
	 * read
	 */
	Optional<ComplianceReport> report(String warningId);

}
