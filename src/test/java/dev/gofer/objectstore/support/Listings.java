package dev.gofer.objectstore.support;

import java.util.List;
import java.util.stream.StreamSupport;

import dev.gofer.objectstore.support.ApiClient.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading listings in tests. */
public final class Listings {

	private Listings() {
	}

	/** The keys of an object listing, in its order; the listing must have succeeded. */
	public static List<String> keys(Reply listing) {
		assertThat(listing.status()).as(listing.toString()).isEqualTo(200);
		return StreamSupport.stream(listing.json().get("objects").spliterator(), false)
			.map(object -> object.get("key").asString())
			.toList();
	}

}
