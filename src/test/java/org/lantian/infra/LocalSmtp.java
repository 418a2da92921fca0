package org.lantian.infra;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server (GreenMail) in the test's JVM on a free loopback port.
 */
public final class LocalSmtp {

	private LocalSmtp() {
	}

	/**
	 * Starts GreenMail on a free loopback port. Its default start-up wait (2 s) is too
	 * short on a loaded CI machine, and the free port may be taken before GreenMail binds
	 * it: the wait here is 30 s, and a failed start is retried on a new port.
	 * @return the started server; the caller stops it
	 */
	public static GreenMail start() {
		IllegalStateException failure = null;
		for (int attempt = 0; attempt < 3; attempt++) {
			ServerSetup setup = new ServerSetup(FreePort.find(), "127.0.0.1", "smtp");
			setup.setServerStartupTimeout(30_000);
			GreenMail smtp = new GreenMail(setup);
			try {
				smtp.start();
				return smtp;
			}
			catch (IllegalStateException ex) {
				smtp.stop();
				failure = ex;
			}
		}
		throw failure;
	}

}
