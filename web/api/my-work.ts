/** react-query hooks for My work, the notifications and their preferences. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MyWork } from '../../core/contracts/my-work.js';
import type {
  NotificationList,
  NotificationPreferences,
  NotificationPreferencesUpdate,
} from '../../core/contracts/notifications.js';
import { apiGet } from './client.js';
import { apiSend } from './write.js';

export const workKeys = {
  myWork: ['my-work'] as const,
  notifications: ['notifications'] as const,
  preferences: ['notification-preferences'] as const,
};

export const myWorkQuery = () =>
  queryOptions({
    queryKey: workKeys.myWork,
    queryFn: ({ signal }) => apiGet<MyWork>('/api/v1/my-work', signal),
  });
export const useMyWork = (enabled = true) => useQuery({ ...myWorkQuery(), enabled });

/** The notifications, looked at again every minute while the app is open (the bell's count). */
export const useNotifications = (enabled = true) =>
  useQuery({
    queryKey: workKeys.notifications,
    queryFn: ({ signal }) => apiGet<NotificationList>('/api/v1/notifications', signal),
    enabled,
    refetchInterval: 60_000,
  });

export function useReadNotifications() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) =>
      apiSend<{ unread: number }>('POST', '/api/v1/notifications/read', { ids: ids ?? 'all' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workKeys.notifications }),
  });
}

export const useNotificationPreferences = () =>
  useQuery({
    queryKey: workKeys.preferences,
    queryFn: ({ signal }) => apiGet<NotificationPreferences>('/api/v1/notification-preferences', signal),
  });

export function useUpdateNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationPreferencesUpdate) =>
      apiSend<NotificationPreferences>('PUT', '/api/v1/notification-preferences', body),
    onSuccess: (data) => queryClient.setQueryData(workKeys.preferences, data),
  });
}
