// The SDK's tracing hook tries to load OpenTelemetry on the first request and reads a failed load
// as "tracing off". Resolving it to a module that always throws keeps tracing, and the SDK's
// telemetry exporter (which sends the Authorization header elsewhere), off on every machine.
export const noOpenTelemetry = {
  name: 'no-opentelemetry',
  setup(build) {
    build.onResolve({ filter: /^@opentelemetry\// }, (args) => ({ path: args.path, namespace: 'no-opentelemetry' }));
    build.onLoad({ filter: /.*/, namespace: 'no-opentelemetry' }, () => ({
      contents: 'throw new Error("OpenTelemetry is not part of Mistral Key Doctor.");',
      loader: 'js',
    }));
  },
};
