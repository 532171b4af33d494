package vn.dvk.shared.process;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import camundajar.impl.scala.util.Either;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;

/**
 * Camunda's FEEL engine for the DMN tables, parsing each expression once. The engine Camunda 7.24
 * ships ({@link ScalaFeelEngine}) parses every input entry of a decision table at every
 * evaluation (camunda/feel-scala#1149); the season benchmark found that parsing to be about a
 * third of the application's CPU during a deadline rush (ReviewRouteDecision runs for every
 * registration). Evaluation is unchanged: the same FEEL engine, value mappers and custom
 * functions, fed the parsed expression it would have produced. Parsed expressions are immutable
 * and shared between threads; the expressions are those of the deployed tables, a bounded set
 * (the cache starts over past {@value #MAX_EXPRESSIONS}, in case something evaluates generated text).
 */
public final class CachingFeelEngine extends ScalaFeelEngine {

	static final int MAX_EXPRESSIONS = 10_000;

	public CachingFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
		super(functionProviders);
	}

	@Override
	protected org.camunda.feel.FeelEngine buildFeelEngine(CustomFunctionTransformer transformer,
			ValueMapper.CompositeValueMapper valueMapper) {
		org.camunda.feel.FeelEngine built = super.buildFeelEngine(transformer, valueMapper);
		return new Parsing(built);
	}

	/** The number of distinct expressions parsed so far (for tests). */
	int cachedExpressions() {
		return ((Parsing) feelEngine).size();
	}

	/** Scala's FEEL engine whose two parse methods (called by every evaluation) remember their result. */
	static final class Parsing extends org.camunda.feel.FeelEngine {

		private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

		private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();

		Parsing(org.camunda.feel.FeelEngine built) {
			super(built.functionProvider(), built.valueMapper(), built.configuration(), built.clock());
		}

		@Override
		public Either<Failure, ParsedExpression> parseUnaryTests(String expression) {
			return cached(unaryTests, expression, true);
		}

		@Override
		public Either<Failure, ParsedExpression> parseExpression(String expression) {
			return cached(expressions, expression, false);
		}

		private Either<Failure, ParsedExpression> cached(Map<String, Either<Failure, ParsedExpression>> cache,
				String expression, boolean unary) {
			Either<Failure, ParsedExpression> parsed = cache.get(expression);
			if (parsed == null) {
				parsed = unary ? super.parseUnaryTests(expression) : super.parseExpression(expression);
				if (cache.size() >= MAX_EXPRESSIONS) {
					cache.clear();
				}
				cache.put(expression, parsed);
			}
			return parsed;
		}

		int size() {
			return unaryTests.size() + expressions.size();
		}

	}

	/** Makes the DMN engine use {@link CachingFeelEngine} (set on its configuration). */
	public record Factory(List<FeelCustomFunctionProvider> functionProviders) implements FeelEngineFactory {

		@Override
		public FeelEngine createInstance() {
			return new CachingFeelEngine(functionProviders);
		}

	}

}
