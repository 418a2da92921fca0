package org.lantian.charts.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import javax.imageio.ImageIO;

/** Decodes and inspects rendered PNGs, and keeps them under target/ as test artefacts. */
public final class Pngs {

	private Pngs() {
	}

	public static BufferedImage decode(byte[] png) {
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
			if (image == null) {
				throw new IllegalStateException("not an image: " + png.length + " bytes");
			}
			return image;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Writes the PNG to target/chart-artefacts/{name}.png. */
	public static void keep(String name, byte[] png) {
		try {
			Path dir = Path.of("target", "chart-artefacts");
			Files.createDirectories(dir);
			Files.write(dir.resolve(name + ".png"), png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static int distinctColours(BufferedImage image) {
		Set<Integer> colours = new HashSet<>();
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				colours.add(image.getRGB(x, y) & 0xFFFFFF);
			}
		}
		return colours.size();
	}

	/** How many pixels have exactly this colour. */
	public static int count(BufferedImage image, int rgb) {
		int n = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
					n++;
				}
			}
		}
		return n;
	}

	/**
	 * How many columns in [x0, x1) have a pixel of this colour within one pixel of row y.
	 */
	public static int columnsWithColourNearRow(BufferedImage image, int rgb, int y, int x0, int x1) {
		int n = 0;
		for (int x = Math.max(0, x0); x < Math.min(image.getWidth(), x1); x++) {
			for (int dy = -1; dy <= 1; dy++) {
				int row = y + dy;
				if (row >= 0 && row < image.getHeight() && (image.getRGB(x, row) & 0xFFFFFF) == rgb) {
					n++;
					break;
				}
			}
		}
		return n;
	}

	/** The row with the most pixels of this colour, or -1. */
	public static int rowWithMost(BufferedImage image, int rgb) {
		int best = -1;
		int most = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			int n = 0;
			for (int x = 0; x < image.getWidth(); x++) {
				if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
					n++;
				}
			}
			if (n > most) {
				most = n;
				best = y;
			}
		}
		return best;
	}

}
