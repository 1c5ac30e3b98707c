// The bundled corpus's topic (corpus/corpus.json), for tests that type figures of its story.
import { loadCorpus } from '../server/src/engine/corpus';
import { topicOf, type Topic } from '../server/src/engine/topic';

export const bundledTopic: Topic = topicOf(loadCorpus({}).find((d) => d.topic)!.topic!);
