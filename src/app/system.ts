import { randomUUID } from 'node:crypto';
import type { Clock, IdGenerator, Random } from '../routing/ports.js';

export const systemClock: Clock = { now: () => new Date() };

export const randomIds: IdGenerator = { next: () => randomUUID() };

export const mathRandom: Random = { next: () => Math.random() };
