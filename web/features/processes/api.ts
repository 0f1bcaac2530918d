import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ItemList } from '../../api/client.js';

export type StageTask = {
  id?: string;
  title: string;
  fieldKey: string | null;
  departmentEmail: string | null;
  dueInDays: number;
};
export type Stage = {
  id?: string;
  name: string;
  requiredFields: string[];
  closesAs: 'won' | 'lost' | null;
  tasks: StageTask[];
};
export type ProcessTemplate = {
  id: string;
  ownerId: string;
  name: string;
  description: string | null;
  isActive: boolean;
  stages: (Stage & { id: string; position: number; tasks: (StageTask & { id: string; position: number })[] })[];
  version: number;
  createdAt: string;
  updatedAt: string;
};
export type ProcessTemplateInput = { name: string; description: string | null; isActive: boolean; stages: Stage[] };

export const processKeys = {
  all: ['processTemplates'] as const,
  list: (includeInactive: boolean) => [...processKeys.all, 'list', includeInactive] as const,
  detail: (id: string) => [...processKeys.all, 'detail', id] as const,
};

export const useProcessTemplates = (includeInactive = false, enabled = true) =>
  useQuery({
    queryKey: processKeys.list(includeInactive),
    queryFn: ({ signal }) =>
      api.get<ItemList<ProcessTemplate>>('/process-templates', { includeInactive: String(includeInactive) }, signal),
    select: (page) => page.items,
    staleTime: 60_000,
    enabled,
  });

export const useProcessTemplate = (id: string | null) =>
  useQuery({
    queryKey: processKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<ProcessTemplate>(`/process-templates/${id}`, undefined, signal),
    enabled: Boolean(id),
  });

/** What the API takes: stages in order, with the ids of existing stages and tasks so cases keep their stage. */
export const toInput = (template: ProcessTemplate): ProcessTemplateInput => ({
  name: template.name,
  description: template.description,
  isActive: template.isActive,
  stages: template.stages.map((s) => ({
    id: s.id,
    name: s.name,
    requiredFields: s.requiredFields,
    closesAs: s.closesAs,
    tasks: s.tasks.map((task) => ({
      id: task.id,
      title: task.title,
      fieldKey: task.fieldKey,
      departmentEmail: task.departmentEmail,
      dueInDays: task.dueInDays,
    })),
  })),
});

export const useSaveProcessTemplate = (
  template: ProcessTemplate | null,
  options: { onSuccess?: (saved: ProcessTemplate) => void } = {},
) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<ProcessTemplateInput>) =>
      template
        ? api.patch<ProcessTemplate>(`/process-templates/${template.id}`, { ...body, version: template.version })
        : api.post<ProcessTemplate>('/process-templates', body),
    onSuccess: async (saved) => {
      queryClient.setQueryData(processKeys.detail(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: processKeys.all });
      // Boards show the stages by name.
      await queryClient.invalidateQueries({ queryKey: ['cases', 'board'] });
      options.onSuccess?.(saved);
    },
  });
};
