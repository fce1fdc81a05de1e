interface Pod { name: string; replicas?: number }
export type Phase = 'Pending' | 'Running';
const pods: Pod[] = [] as Pod[];
