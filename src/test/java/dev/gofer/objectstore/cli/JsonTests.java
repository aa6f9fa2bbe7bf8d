package dev.gofer.objectstore.cli;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonTests {

	@Test
	void readsTheServersDocuments() {
		Map<String, Object> json = Json.parseObject("""
				{"objects":[{"key":"a","created":1795595252960,"size":9,"sha256":"41","content_type":"text/plain"}],
				 "evicted":[], "byte_limit": null, "ok": true, "ratio": -1.5e3}
				""");
		ObjectInfo object = ObjectInfo.of(Json.objects(json, "objects").get(0));
		assertThat(object).isEqualTo(new ObjectInfo("a", 1795595252960L, 9, "41", "text/plain"));
		assertThat(json.get("evicted")).isEqualTo(List.of());
		assertThat(Json.optionalNumber(json, "byte_limit")).isNull();
		assertThat(Json.bool(json, "ok")).isTrue();
		assertThat(json.get("ratio")).isEqualTo(-1500.0);
	}

	@Test
	void decodesEscapes() {
		Map<String, Object> json = Json.parseObject("{\"detail\":\"a \\\"b\\\"\\n\\u00e9\\\\ \\/\"}");
		assertThat(Json.string(json, "detail")).isEqualTo("a \"b\"\n\u00e9\\ /");
	}

	@Test
	void refusesWhatIsNotOneJsonObject() {
		for (String text : List.of("", "[1]", "{\"a\":1} x", "{\"a\":}", "{\"a\":tru}", "<html>",
				"{\"a\":\"\\u12\"}")) {
			assertThatExceptionOfType(CliException.class).as(text)
				.isThrownBy(() -> Json.parseObject(text))
				.satisfies((ex) -> assertThat(ex.exitCode()).isEqualTo(ExitCode.ERROR));
		}
	}

	@Test
	void namesAMissingOrMistypedMember() {
		Map<String, Object> json = Json.parseObject("{\"size\":\"9\"}");
		assertThatExceptionOfType(CliException.class).isThrownBy(() -> Json.number(json, "size"))
			.withMessage("The server's answer lacks 'size' as a whole number");
		assertThatExceptionOfType(CliException.class).isThrownBy(() -> Json.string(json, "key"))
			.withMessage("The server's answer lacks 'key' as a string");
	}

}
