// The emulator's public surface: tests, benchmarks, the demo and the UI tests import from here.
export { DEMO_CASES, type DemoCase } from './demo';
export { TEST_KEYS, KEY_KINDS as EMULATED_KEY_KINDS, type EmulatedKeyKind } from './keys';
export { MODELS_CURRENT, MODELS_OCTOBER_2025, RETIRED_MODELS, type ModelCardJson } from './models';
export {
  CONSOLE_SCENARIOS, CONSOLE_SCENARIO_NAMES, ERROR_SHAPES, SCENARIOS, SCENARIO_NAMES, consoleScenarioNamed, scenarioNamed,
  type ConsoleMode, type ErrorShape, type HostMode, type Scenario,
} from './scenarios';
export { startEmulator, type EmulatedHost, type Emulator, type EmulatorOptions, type RawResponder, type RecordedRequest } from './server';
